namespace Diligence.Web.Reviews;

/// <summary>How many findings of one severity (a <see cref="Core.Reviews.FindingSeverities"/> name).</summary>
public sealed record SeverityCount(string Severity, int Count);
