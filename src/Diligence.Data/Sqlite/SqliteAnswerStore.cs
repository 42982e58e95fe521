using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

public sealed class SqliteAnswerStore(SqliteConnectionFactory connections) : IAnswerStore
{
    private const string SelectAnswer = """
        SELECT review_id AS ReviewId, key AS Key, value_json AS ValueJson, version AS Version,
               updated_by AS UpdatedBy, updated_at AS UpdatedAt
        FROM answers
        """;

    public async Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            SelectAnswer + " WHERE review_id = @reviewId AND value_json IS NOT NULL ORDER BY key",
            new { reviewId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer()!)];
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewIds);
        using var connection = await connections.OpenAsync(cancellationToken);
        // The ids travel as one JSON array: one parameter, however many reviews.
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            SelectAnswer + " WHERE review_id IN (SELECT value FROM json_each(@reviewIds)) AND value_json IS NOT NULL ORDER BY review_id, key",
            new { reviewIds = JsonSerializer.Serialize(reviewIds) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer()!)];
    }

    public async Task<StoredAnswer?> GetAsync(Guid reviewId, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            SelectAnswer + " WHERE review_id = @reviewId AND key = @key",
            new { reviewId, key },
            cancellationToken: cancellationToken));
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
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var current = await write.Connection.QuerySingleOrDefaultAsync<AnswerUnderReviewRow>(new CommandDefinition(
            """
            SELECT r.status AS ReviewStatus, r.id AS ReviewId, @key AS Key, a.value_json AS ValueJson, a.version AS Version,
                   a.updated_by AS UpdatedBy, a.updated_at AS UpdatedAt
            FROM reviews r
            LEFT JOIN answers a ON a.review_id = r.id AND a.key = @key
            WHERE r.id = @reviewId
            """,
            new { reviewId, key },
            write.Transaction,
            cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(current.ReviewStatus))
        {
            throw new InvalidOperationException($"Review {reviewId} is decided and locked; its answers no longer change.");
        }
        var result = await VersionedAnswerTable.Reviews.SaveAsync(
            write, current, valueJson, expectedVersion, userId, at, audit, cancellationToken);
        write.Commit();
        return result;
    }

    public async Task<IReadOnlyList<AnswerChange>> HistoryAsync(
        Guid reviewId,
        string? key = null,
        CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerChangeRow>(new CommandDefinition(
            """
            SELECT review_id AS ReviewId, key AS Key, old_value_json AS OldValueJson, new_value_json AS NewValueJson,
                   version AS Version, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM answer_history
            WHERE review_id = @reviewId AND (@key IS NULL OR key = @key)
            -- One key: by version, whatever the clocks said; the whole review: by time.
            ORDER BY CASE WHEN @key IS NULL THEN changed_at END, key, version
            """,
            new { reviewId, key },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToChange())];
    }
}
