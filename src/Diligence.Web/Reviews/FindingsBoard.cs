namespace Diligence.Web.Reviews;

/// <summary>A review's findings: those in force by severity (most severe first), and those the answers no longer raise.</summary>
public sealed record FindingsBoard(ReviewState State, IReadOnlyList<FindingGroup> BySeverity, IReadOnlyList<FindingView> Withdrawn);
