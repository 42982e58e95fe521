using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

public sealed class SqliteAnswerImportStore(SqliteConnectionFactory connections) : IAnswerImportStore
{
    public async Task<AnswerImportResult> ImportAsync(
        Guid reviewId, IReadOnlyList<ImportedAnswer> answers, Guid userId, DateTimeOffset at,
        Func<int, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        // IMMEDIATE: the write lock is held from the version checks to the commit.
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM reviews WHERE id = @reviewId", new { reviewId }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(Enum.Parse<ReviewStatus>(status)))
        {
            return new AnswerImportResult.Locked();
        }
        var current = (await connection.QueryAsync<(string Key, string? ValueJson, long Version)>(new CommandDefinition(
            "SELECT key, value_json, version FROM answers WHERE review_id = @reviewId",
            new { reviewId },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.Key, r => (r.ValueJson, (int)r.Version), StringComparer.Ordinal);
        var plan = AnswerImportPlan.For(current, answers);
        if (plan.Conflicts.Count > 0)
        {
            return new AnswerImportResult.Conflict(plan.Conflicts);
        }
        // One statement per table for the whole file, as for a library import.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO answers (review_id, key, value_json, version, updated_by, updated_at)
            SELECT @reviewId, json_extract(value, '$.Key'), json_extract(value, '$.NewValueJson'), json_extract(value, '$.Version'), @userId, @at
            FROM json_each(@changes) WHERE true
            ON CONFLICT (review_id, key) DO UPDATE
            SET value_json = excluded.value_json, version = excluded.version,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at;

            INSERT INTO answer_history (review_id, key, version, old_value_json, new_value_json, changed_by, changed_at)
            SELECT @reviewId, json_extract(value, '$.Key'), json_extract(value, '$.Version'), json_extract(value, '$.OldValueJson'),
                   json_extract(value, '$.NewValueJson'), @userId, @at
            FROM json_each(@changes);

            UPDATE reviews SET updated_at = @at WHERE id = @reviewId AND updated_at < @at AND json_array_length(@changes) > 0;
            """,
            new { reviewId, userId, at, changes = JsonSerializer.Serialize(plan.Changes) },
            transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit?.Invoke(plan.Changes.Count));
        return new AnswerImportResult.Imported(plan.Changes.Count);
    }
}
