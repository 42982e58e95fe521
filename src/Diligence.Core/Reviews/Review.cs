namespace Diligence.Core.Reviews;

/// <summary>
/// One diligence review of a vendor, pinned to the questionnaire version and content hash it was started on.
/// Version is the optimistic-concurrency counter maintained by the store. A decided review also records who recorded
/// the committee's decision and when (unknown who for decisions recorded before that was kept).
/// </summary>
public sealed record Review(
    Guid Id,
    Guid VendorId,
    string QuestionnaireId,
    string QuestionnaireVersion,
    string QuestionnaireHash,
    ReviewStatus Status,
    Guid OwnerId,
    Decision? Decision,
    string? DecisionRationale,
    Guid? PreviousReviewId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    Guid? DecidedBy = null,
    DateTimeOffset? DecidedAt = null);
