using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

/// <summary>An answer_history row as SQLite returns it; Dapper fills properties, converting as needed.</summary>
internal sealed class AnswerChangeRow
{
    public Guid ReviewId { get; init; }

    public string Key { get; init; } = "";

    public string? OldValueJson { get; init; }

    public string? NewValueJson { get; init; }

    public int Version { get; init; }

    public Guid ChangedBy { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public AnswerChange ToChange() => new(ReviewId, Key, OldValueJson, NewValueJson, Version, ChangedBy, ChangedAt);
}
