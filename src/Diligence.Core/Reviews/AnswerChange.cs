namespace Diligence.Core.Reviews;

/// <summary>One history entry of an answer: old and new value (null when absent or cleared), who and when.</summary>
public sealed record AnswerChange(
    Guid ReviewId,
    string Key,
    string? OldValueJson,
    string? NewValueJson,
    int Version,
    Guid ChangedBy,
    DateTimeOffset ChangedAt);
