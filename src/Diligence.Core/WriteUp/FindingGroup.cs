namespace Diligence.Core.WriteUp;

/// <summary>The findings of one severity (<see cref="Severity"/> is the lower-case name, for styling).</summary>
public sealed record FindingGroup(string Severity, string Label, IReadOnlyList<WriteUpFinding> Findings);
