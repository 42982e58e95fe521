using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

public sealed class SqliteProvenanceStore(SqliteConnectionFactory connections) : IProvenanceStore
{
    public async Task<int> PrefillAsync(
        Guid reviewId, Guid vendorId, IReadOnlyCollection<string> keys, Guid userId, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var parameters = new { reviewId, vendorId, userId, at, keys = JsonSerializer.Serialize(keys) };
        // The three statements pick the same keys: in the list, answered in the library, absent from the review.
        const string Source = """
            FROM library_answers source
            WHERE source.vendor_id = @vendorId AND source.value_json IS NOT NULL
              AND source.key IN (SELECT value FROM json_each(@keys))
              AND NOT EXISTS (SELECT 1 FROM answers target WHERE target.review_id = @reviewId AND target.key = source.key)
            """;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO answer_provenance (review_id, key, vendor_id, vendor_value_json, vendor_updated_at, vendor_as_of)
            SELECT @reviewId, source.key, @vendorId, source.value_json, source.updated_at,
                   (SELECT library.as_of FROM vendor_libraries library
                    WHERE library.vendor_id = source.vendor_id AND library.submitted_at >= source.updated_at)
            {Source};

            INSERT INTO answer_history (review_id, key, version, old_value_json, new_value_json, changed_by, changed_at)
            SELECT @reviewId, source.key, 1, NULL, source.value_json, @userId, @at
            {Source};
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        var copied = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO answers (review_id, key, value_json, version, updated_by, updated_at)
            SELECT @reviewId, source.key, source.value_json, 1, @userId, @at
            {Source}
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        write.Commit();
        return copied;
    }

    public async Task<IReadOnlyList<AnswerProvenance>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProvenanceRow>(new CommandDefinition(
            """
            SELECT review_id AS ReviewId, key AS Key, vendor_id AS VendorId, vendor_value_json AS VendorValueJson,
                   vendor_updated_at AS VendorUpdatedAt, confirmed_by AS ConfirmedBy, confirmed_at AS ConfirmedAt,
                   vendor_as_of AS VendorAsOf
            FROM answer_provenance
            WHERE review_id = @reviewId
            ORDER BY key
            """,
            new { reviewId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToProvenance())];
    }

    public async Task<bool> ConfirmAsync(Guid reviewId, string key, Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE answer_provenance SET confirmed_by = @userId, confirmed_at = @at
            WHERE review_id = @reviewId AND key = @key
            """,
            new { reviewId, key, userId, at },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> ConfirmAllAsync(
        Guid reviewId, IReadOnlyCollection<string> keys, Guid userId, DateTimeOffset at, Func<int, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await EnsureOpenAsync(write, reviewId, cancellationToken);
        // Only answers that are still the vendor's: one overridden meanwhile is the reviewer's, not an acceptance.
        var confirmed = await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE answer_provenance SET confirmed_by = @userId, confirmed_at = @at
            WHERE review_id = @reviewId AND confirmed_at IS NULL AND key IN (SELECT value FROM json_each(@keys))
              AND EXISTS (SELECT 1 FROM answers a
                          WHERE a.review_id = answer_provenance.review_id AND a.key = answer_provenance.key
                            AND a.value_json = answer_provenance.vendor_value_json)
            """,
            new { reviewId, userId, at, keys = JsonSerializer.Serialize(keys) },
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(confirmed > 0 ? audit?.Invoke(confirmed) : null);
        return confirmed;
    }

    public async Task<AnswerSaveResult?> TakeLibraryAnswerAsync(
        Guid reviewId, string key, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var current = await connection.QuerySingleOrDefaultAsync<AnswerUnderReviewRow>(new CommandDefinition(
            """
            SELECT r.status AS ReviewStatus, r.id AS ReviewId, @key AS Key, a.value_json AS ValueJson, COALESCE(a.version, 0) AS Version,
                   a.updated_by AS UpdatedBy, a.updated_at AS UpdatedAt
            FROM reviews r
            LEFT JOIN answers a ON a.review_id = r.id AND a.key = @key
            WHERE r.id = @reviewId
            """,
            new { reviewId, key },
            transaction,
            cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(current.ReviewStatus))
        {
            throw new InvalidOperationException($"Review {reviewId} is decided and locked; its answers no longer change.");
        }
        var library = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            SELECT l.value_json FROM library_answers l JOIN reviews r ON r.vendor_id = l.vendor_id
            WHERE r.id = @reviewId AND l.key = @key AND l.value_json IS NOT NULL
            """,
            new { reviewId, key },
            transaction,
            cancellationToken: cancellationToken));
        if (library is null)
        {
            return null;
        }
        var result = await VersionedAnswerTable.Reviews.SaveAsync(write, current, library, expectedVersion, userId, at, audit, cancellationToken);
        if (result is AnswerSaveResult.Saved)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO answer_provenance (review_id, key, vendor_id, vendor_value_json, vendor_updated_at, vendor_as_of)
                SELECT r.id, l.key, l.vendor_id, l.value_json, l.updated_at,
                       (SELECT v.as_of FROM vendor_libraries v WHERE v.vendor_id = l.vendor_id AND v.submitted_at >= l.updated_at)
                FROM reviews r JOIN library_answers l ON l.vendor_id = r.vendor_id AND l.key = @key
                WHERE r.id = @reviewId
                ON CONFLICT (review_id, key) DO UPDATE
                SET vendor_id = excluded.vendor_id, vendor_value_json = excluded.vendor_value_json,
                    vendor_updated_at = excluded.vendor_updated_at, vendor_as_of = excluded.vendor_as_of,
                    confirmed_by = NULL, confirmed_at = NULL
                """,
                new { reviewId, key },
                transaction,
                cancellationToken: cancellationToken));
        }
        write.Commit();
        return result;
    }

    private static async Task EnsureOpenAsync(SqliteWrite write, Guid reviewId, CancellationToken cancellationToken)
    {
        var status = await write.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM reviews WHERE id = @reviewId", new { reviewId }, write.Transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(Enum.Parse<ReviewStatus>(status)))
        {
            throw new InvalidOperationException($"Review {reviewId} is decided and locked; its answers no longer change.");
        }
    }
}
