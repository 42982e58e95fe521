namespace Diligence.Core.Reviews;

/// <summary>
/// A finding of a review. SourceId identifies automatic findings ("flag:key:option", "rule:id");
/// Severity is one of <see cref="FindingSeverities.All"/>. A withdrawn finding is no longer raised by the answers.
/// RaisedBy is the user who wrote a manual finding (unknown for ones written before that was kept).
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
    int Version,
    Guid? RaisedBy = null);
