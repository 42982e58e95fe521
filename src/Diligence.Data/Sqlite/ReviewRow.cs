using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

/// <summary>A reviews row as SQLite returns it (64-bit integers); Dapper fills properties, converting as needed.</summary>
internal class ReviewRow
{
    public Guid Id { get; init; }

    public Guid VendorId { get; init; }

    public string QuestionnaireId { get; init; } = "";

    public string QuestionnaireVersion { get; init; } = "";

    public string QuestionnaireHash { get; init; } = "";

    public ReviewStatus Status { get; init; }

    public Guid OwnerId { get; init; }

    public Decision? Decision { get; init; }

    public string? DecisionRationale { get; init; }

    public Guid? PreviousReviewId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }

    public Guid? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public Review ToReview() => new(
        Id,
        VendorId,
        QuestionnaireId,
        QuestionnaireVersion,
        QuestionnaireHash,
        Status,
        OwnerId,
        Decision,
        DecisionRationale,
        PreviousReviewId,
        CreatedAt,
        UpdatedAt,
        Version,
        DecidedBy,
        DecidedAt);
}
