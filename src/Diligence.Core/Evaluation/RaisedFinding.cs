using Diligence.Core.Definitions;

namespace Diligence.Core.Evaluation;

/// <summary>
/// A finding raised by an answer's flag (<see cref="SourceId"/> <c>flag:&lt;item key&gt;:&lt;option id&gt;</c>, with the
/// sub-item's key for a flag inside a repeat) or by a rule (<c>rule:&lt;rule id&gt;</c>). <see cref="ItemKey"/> is the key of the
/// answer that raised it, where its explanation is kept; null for a rule.
/// </summary>
public sealed record RaisedFinding(string SourceId, FindingSeverity Severity, string Text, string? Ask, string? ItemKey);
