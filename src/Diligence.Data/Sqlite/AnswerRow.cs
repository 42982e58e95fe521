using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

/// <summary>An answers row; a null value marks a cleared answer, whose version still counts.</summary>
internal class AnswerRow
{
    public Guid ReviewId { get; init; }

    public string Key { get; init; } = "";

    public string? ValueJson { get; init; }

    public int Version { get; init; }

    public Guid UpdatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The answer, or null when it was cleared.</summary>
    public StoredAnswer? ToAnswer() =>
        ValueJson is null ? null : new StoredAnswer(ReviewId, Key, ValueJson, Version, UpdatedBy, UpdatedAt);
}
