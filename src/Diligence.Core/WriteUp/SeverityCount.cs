namespace Diligence.Core.WriteUp;

/// <summary>How many findings of one severity (<see cref="Severity"/> is the lower-case name, for styling).</summary>
public sealed record SeverityCount(string Severity, string Label, int Count);
