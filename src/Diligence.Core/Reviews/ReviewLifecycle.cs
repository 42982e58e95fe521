namespace Diligence.Core.Reviews;

/// <summary>
/// The allowed status transitions of a review: draft → awaiting vendor → in review → ready for committee → decided,
/// with in review back to awaiting vendor and ready for committee back to in review. Decided is final.
/// </summary>
public static class ReviewLifecycle
{
    private static readonly Dictionary<ReviewStatus, ReviewStatus[]> _nextStatuses = new()
    {
        [ReviewStatus.Draft] = [ReviewStatus.AwaitingVendor],
        [ReviewStatus.AwaitingVendor] = [ReviewStatus.InReview],
        [ReviewStatus.InReview] = [ReviewStatus.ReadyForCommittee, ReviewStatus.AwaitingVendor],
        [ReviewStatus.ReadyForCommittee] = [ReviewStatus.Decided, ReviewStatus.InReview],
        [ReviewStatus.Decided] = [],
    };

    /// <summary>The statuses a review in <paramref name="from"/> may move to; forward step first.</summary>
    public static IReadOnlyList<ReviewStatus> NextFrom(ReviewStatus from) =>
        _nextStatuses.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(ReviewStatus from, ReviewStatus to) => NextFrom(from).Contains(to);

    /// <summary>A decided review is locked: nothing about it changes any more; re-assessment starts a new review.</summary>
    public static bool IsLocked(ReviewStatus status) => status == ReviewStatus.Decided;
}
