using System.Data.Common;
using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerAnswerStore(SqlServerConnectionFactory connections) : IAnswerStore
{
    private const string SelectAnswer = """
        SELECT review_id AS ReviewId, [key] AS [Key], value_json AS ValueJson, version AS Version,
               updated_by AS UpdatedBy, updated_at AS UpdatedAt
        FROM answers
        """;

    private const string ListSql = SelectAnswer + " WHERE review_id = @reviewId AND value_json IS NOT NULL ORDER BY [key]";

    // The ids travel as one JSON array: SQL Server takes at most 2,100 parameters.
    private const string ListManySql = SelectAnswer + """
         WHERE review_id IN (SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON(@reviewIds))
           AND value_json IS NOT NULL
        ORDER BY review_id, [key]
        """;

    private const string GetSql = SelectAnswer + " WHERE review_id = @reviewId AND [key] = @key";

    // The update lock on the review keeps it from being decided meanwhile, and lets the save move its updated_at without
    // two saves of one review each holding a shared lock and deadlocking on the upgrade; saves of other reviews do not
    // wait. The update lock on the answer's key range makes a concurrent save of the same key wait for this one.
    internal const string CurrentSql = """
        SELECT r.status AS ReviewStatus, r.id AS ReviewId, @key AS [Key], a.value_json AS ValueJson,
               COALESCE(a.version, 0) AS Version, a.updated_by AS UpdatedBy, a.updated_at AS UpdatedAt
        FROM reviews r WITH (UPDLOCK, HOLDLOCK)
        LEFT JOIN answers a WITH (UPDLOCK, HOLDLOCK) ON a.review_id = r.id AND a.[key] = @key
        WHERE r.id = @reviewId
        """;

    private const string WriteSql = """
        UPDATE answers WITH (UPDLOCK, SERIALIZABLE)
        SET value_json = @valueJson, version = @newVersion, updated_by = @userId, updated_at = @at
        WHERE review_id = @reviewId AND [key] = @key AND version = @currentVersion;
        IF @@ROWCOUNT = 0
            INSERT INTO answers (review_id, [key], value_json, version, updated_by, updated_at)
            VALUES (@reviewId, @key, @valueJson, @newVersion, @userId, @at);

        INSERT INTO answer_history (review_id, [key], version, old_value_json, new_value_json, changed_by, changed_at)
        VALUES (@reviewId, @key, @newVersion, @oldValueJson, @valueJson, @userId, @at);

        -- An answer saved is a change of its review; never moved back, as another node's clock may be behind.
        UPDATE reviews SET updated_at = @at WHERE id = @reviewId AND updated_at < @at;
        """;

    private const string HistorySql = """
        SELECT review_id AS ReviewId, [key] AS [Key], old_value_json AS OldValueJson, new_value_json AS NewValueJson,
               version AS Version, changed_by AS ChangedBy, changed_at AS ChangedAt
        FROM answer_history
        WHERE review_id = @reviewId AND (@key IS NULL OR [key] = @key)
        -- One key: by version, whatever the clocks said; the whole review: by time.
        ORDER BY CASE WHEN @key IS NULL THEN changed_at END, [key], version
        """;

    // History first: both statements pick the same keys (answered in the source, absent from the target).
    public async Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(ListSql, new { reviewId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer()!)];
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewIds);
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            ListManySql, new { reviewIds = JsonSerializer.Serialize(reviewIds) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer()!)];
    }

    public async Task<StoredAnswer?> GetAsync(Guid reviewId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            GetSql, new { reviewId, key }, cancellationToken: cancellationToken));
        return row?.ToAnswer();
    }

    public async Task<AnswerSaveResult> SaveAsync(
        Guid reviewId,
        string key,
        string? valueJson,
        int expectedVersion,
        Guid userId,
        DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var current = await connection.QuerySingleOrDefaultAsync<AnswerUnderReviewRow>(new CommandDefinition(
            CurrentSql, new { reviewId, key }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(current.ReviewStatus))
        {
            throw new InvalidOperationException($"Review {reviewId} is decided and locked; its answers no longer change.");
        }

        var result = await SaveOverAsync(connections, connection, transaction, current, valueJson, expectedVersion, userId, at, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<AnswerChange>> HistoryAsync(Guid reviewId, string? key = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerChangeRow>(new CommandDefinition(
            HistorySql, new { reviewId, key }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToChange())];
    }

    /// <summary>
    /// Saves over <paramref name="current"/> (read with <see cref="CurrentSql"/> in this transaction, its review open): the
    /// version check, the no-op clear, the answer and its history row, and the audit event when given.
    /// </summary>
    internal static async Task<AnswerSaveResult> SaveOverAsync(
        SqlServerConnectionFactory connections, DbConnection connection, DbTransaction transaction, AnswerUnderReviewRow current, string? valueJson, int expectedVersion,
        Guid userId, DateTimeOffset at, Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit, CancellationToken cancellationToken)
    {
        var (reviewId, key, currentVersion) = (current.ReviewId, current.Key, current.Version);
        var isEmpty = current.ValueJson is null;
        if (expectedVersion != currentVersion && !(isEmpty && expectedVersion == 0))
        {
            return new AnswerSaveResult.Conflict(current.ToAnswer(), currentVersion);
        }

        if (valueJson is null && isEmpty)
        {
            return new AnswerSaveResult.Saved(null, currentVersion);
        }

        var newVersion = currentVersion + 1;
        await connection.ExecuteAsync(new CommandDefinition(
            WriteSql,
            new { reviewId, key, valueJson, oldValueJson = current.ValueJson, currentVersion, newVersion, userId, at },
            transaction,
            cancellationToken: cancellationToken));
        var saved = valueJson is null ? null : new StoredAnswer(reviewId, key, valueJson, newVersion, userId, at);
        var result = new AnswerSaveResult.Saved(saved, newVersion);
        if (audit is not null)
        {
            await SqlServerAuditStore.AppendAsync(connections, connection, transaction, audit(current.ToAnswer(), result), cancellationToken);
        }
        return result;
    }
}
