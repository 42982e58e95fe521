namespace Diligence.Core.Reviews;

/// <summary>
/// One diligence review of a vendor, pinned to the questionnaire version and content hash it was started on.
/// Version is the optimistic-concurrency counter maintained by the store.
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
    int Version);
