namespace Diligence.Core.Reviews;

/// <summary>The severity names a finding may carry, most severe first.</summary>
public static class FindingSeverities
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
    public const string Info = "info";

    public static IReadOnlyList<string> All { get; } = [Critical, High, Medium, Low, Info];

    public static bool IsKnown(string severity) => All.Contains(severity, StringComparer.Ordinal);
}
