using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

/// <summary>
/// The save both answer tables share (a review's answers and a vendor's library): the version check, the no-op clear,
/// then the answer row and its history row, inside a write the calling store has begun after reading the current row.
/// </summary>
internal sealed class VersionedAnswerTable
{
    // An answer saved is a change of its review (the dashboard's order, the overview's "Last change"); its updated_at is
    // never moved back, as another node's clock may be behind.
    public static readonly VersionedAnswerTable Reviews = new("answers", "answer_history", "review_id",
        "UPDATE reviews SET updated_at = @at WHERE id = @ownerId AND updated_at < @at;");

    public static readonly VersionedAnswerTable Libraries = new("library_answers", "library_history", "vendor_id", "");

    private readonly string _write;

    private VersionedAnswerTable(string answers, string history, string owner, string touchOwner) =>
        _write = $"""
            INSERT INTO {answers} ({owner}, key, value_json, version, updated_by, updated_at)
            VALUES (@ownerId, @key, @valueJson, @newVersion, @userId, @at)
            ON CONFLICT ({owner}, key) DO UPDATE
            SET value_json = excluded.value_json, version = excluded.version,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at;

            INSERT INTO {history} ({owner}, key, version, old_value_json, new_value_json, changed_by, changed_at)
            VALUES (@ownerId, @key, @newVersion, @oldValueJson, @valueJson, @userId, @at);

            {touchOwner}
            """;

    /// <summary>
    /// Saves over <paramref name="current"/> (the row read in this write; version 0 and no value when never answered).
    /// When the save writes and <paramref name="audit"/> is given, its event is appended in the same transaction.
    /// </summary>
    public async Task<AnswerSaveResult> SaveAsync(
        SqliteWrite write, AnswerRow current, string? valueJson, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit, CancellationToken cancellationToken)
    {
        var isEmpty = current.ValueJson is null;
        if (expectedVersion != current.Version && !(isEmpty && expectedVersion == 0))
        {
            return new AnswerSaveResult.Conflict(current.ToAnswer(), current.Version);
        }
        if (valueJson is null && isEmpty)
        {
            return new AnswerSaveResult.Saved(null, current.Version);
        }
        var (ownerId, key, oldValueJson, newVersion) = (current.ReviewId, current.Key, current.ValueJson, current.Version + 1);
        var stored = valueJson is null ? null : new StoredAnswer(current.ReviewId, current.Key, valueJson, newVersion, userId, at);
        var saved = new AnswerSaveResult.Saved(stored, newVersion);
        var auditEvent = audit is null ? null : SqliteAuditStore.Seal(write, audit(current.ToAnswer(), saved));
        await write.Connection.ExecuteAsync(new CommandDefinition(
            _write,
            new { ownerId, key, valueJson, oldValueJson, newVersion, userId, at },
            write.Transaction,
            cancellationToken: cancellationToken));
        if (auditEvent is not null)
        {
            SqliteAuditStore.Insert(write, auditEvent);
        }
        return saved;
    }
}
