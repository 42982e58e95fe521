namespace Diligence.Web.Reviews;

/// <summary>The findings of one severity.</summary>
public sealed record FindingGroup(string Severity, IReadOnlyList<FindingView> Findings);
