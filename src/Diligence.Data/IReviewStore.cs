using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data;

public interface IReviewStore
{
    /// <summary>
    /// Stores a new review; its Version is stored as 1 whatever the record says. <paramref name="audit"/>, when given, is
    /// appended in the same transaction.
    /// </summary>
    Task CreateAsync(Review review, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="reassessment"/> (its PreviousReviewId names the review it re-assesses) with everything that
    /// review carries forward, in one transaction: its answers (each with a history row by <paramref name="userId"/> at
    /// <paramref name="at"/>), their provenance as it stood (vendor-supplied, confirmed or overridden), and its findings
    /// that are not withdrawn, manual ones included, with their status, owner, severity and text. When
    /// <paramref name="audit"/> is given, the event it builds from what was carried commits with it.
    /// </summary>
    Task<CarriedForward> CreateReassessmentAsync(
        Review reassessment, Guid userId, DateTimeOffset at, Func<CarriedForward, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default);

    Task<Review?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Reviews in <paramref name="status"/> (all when null), most recently updated first.</summary>
    Task<IReadOnlyList<ReviewSummary>> ListAsync(ReviewStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>The review that re-assesses <paramref name="reviewId"/> (the oldest, should there be two), if any.</summary>
    Task<Review?> FindReassessmentAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ListAsync"/>, skipping <paramref name="skip"/> reviews and returning at most <paramref name="take"/>.</summary>
    Task<ReviewPage> PageAsync(ReviewStatus? status, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves status, owner, decision and rationale when the stored version is still <paramref name="expectedVersion"/>;
    /// returns the new version. Throws <see cref="ConcurrencyConflictException"/> on a stale save,
    /// <see cref="InvalidOperationException"/> for a transition <see cref="ReviewLifecycle"/> forbids or a change to a decided review,
    /// <see cref="KeyNotFoundException"/> when the review does not exist. <paramref name="audit"/>, when given, is appended in
    /// the same transaction: the change is never stored without its event.
    /// </summary>
    Task<int> UpdateAsync(Review updated, int expectedVersion, AuditEntry? audit = null, CancellationToken cancellationToken = default);
}
