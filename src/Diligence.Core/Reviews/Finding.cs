namespace Diligence.Core.Reviews;

/// <summary>
/// A finding of a review. SourceId identifies automatic findings ("flag:key:option", "rule:id");
/// Severity is one of <see cref="FindingSeverities.All"/>. A withdrawn finding is no longer raised by the answers.
/// </summary>
public sealed record Finding(
    Guid Id,
    Guid ReviewId,
    FindingSource Source,
    string? SourceId,
    string Severity,
    string Text,
    string? Owner,
    FindingStatus Status,
    bool Withdrawn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);
