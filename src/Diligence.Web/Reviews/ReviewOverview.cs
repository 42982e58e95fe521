using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>
/// A review at a glance: its state, owner, progress per visible step, open findings (counted, and each with the
/// question that raised it), missing required answers, where
/// its lifecycle can go next, and the re-assessment that followed it, if any.
/// </summary>
public sealed record ReviewOverview(
    ReviewState State,
    string OwnerName,
    IReadOnlyList<StepLink> Steps,
    IReadOnlyList<SeverityCount> OpenFindings,
    IReadOnlyList<FindingView> OpenFindingList,
    IReadOnlyList<MissingAnswer> MissingRequired,
    IReadOnlyList<ReviewStatus> NextStatuses,
    Guid? ReassessedIn);
