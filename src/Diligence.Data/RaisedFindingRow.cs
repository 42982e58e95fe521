using Diligence.Core.Reviews;

namespace Diligence.Data;

/// <summary>An automatic finding the current answers raise, identified by SourceId ("flag:key:option", "rule:id").</summary>
public sealed record RaisedFindingRow(string SourceId, FindingSource Source, string Severity, string Text);
