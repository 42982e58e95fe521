using System.Text.Json;
using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerProvenanceStore(SqlServerConnectionFactory connections) : IProvenanceStore
{
    // The three statements pick the same keys: in the list, answered in the library, absent from the review.
    private const string Source = """
        FROM library_answers source
        WHERE source.vendor_id = @vendorId AND source.value_json IS NOT NULL
          AND source.[key] IN (SELECT [value] COLLATE Latin1_General_100_BIN2 FROM OPENJSON(@keys))
          AND NOT EXISTS (SELECT 1 FROM answers target WITH (UPDLOCK, HOLDLOCK)
                          WHERE target.review_id = @reviewId AND target.[key] = source.[key])
        """;

    private const string PrefillSql = $"""
        INSERT INTO answer_provenance (review_id, [key], vendor_id, vendor_value_json, vendor_updated_at, vendor_as_of)
        SELECT @reviewId, source.[key], @vendorId, source.value_json, source.updated_at,
               (SELECT library.as_of FROM vendor_libraries library
                WHERE library.vendor_id = source.vendor_id AND library.submitted_at >= source.updated_at)
        {Source};

        INSERT INTO answer_history (review_id, [key], version, old_value_json, new_value_json, changed_by, changed_at)
        SELECT @reviewId, source.[key], 1, NULL, source.value_json, @userId, @at
        {Source};

        INSERT INTO answers (review_id, [key], value_json, version, updated_by, updated_at)
        SELECT @reviewId, source.[key], source.value_json, 1, @userId, @at
        {Source};

        SELECT @@ROWCOUNT;
        """;

    private const string ListSql = """
        SELECT review_id AS ReviewId, [key] AS [Key], vendor_id AS VendorId, vendor_value_json AS VendorValueJson,
               vendor_updated_at AS VendorUpdatedAt, confirmed_by AS ConfirmedBy, confirmed_at AS ConfirmedAt,
               CONVERT(char(10), vendor_as_of, 23) AS VendorAsOf
        FROM answer_provenance
        WHERE review_id = @reviewId
        ORDER BY [key]
        """;

    private const string ConfirmSql = """
        UPDATE answer_provenance SET confirmed_by = @userId, confirmed_at = @at
        WHERE review_id = @reviewId AND [key] = @key
        """;

    // The shared range lock on the review keeps it from being decided meanwhile.
    private const string ReviewStatusSql = "SELECT status FROM reviews WITH (HOLDLOCK) WHERE id = @reviewId";

    // Only answers that are still the vendor's: one overridden meanwhile is the reviewer's, not an acceptance.
    private const string ConfirmAllSql = """
        UPDATE p SET confirmed_by = @userId, confirmed_at = @at
        FROM answer_provenance p
        JOIN answers a ON a.review_id = p.review_id AND a.[key] = p.[key] AND a.value_json = p.vendor_value_json
        WHERE p.review_id = @reviewId AND p.confirmed_at IS NULL
          AND p.[key] IN (SELECT [value] COLLATE Latin1_General_100_BIN2 FROM OPENJSON(@keys));
        SELECT @@ROWCOUNT;
        """;

    private const string CurrentAnswerSql = SqlServerAnswerStore.CurrentSql;

    private const string LibraryValueSql = """
        SELECT l.value_json FROM library_answers l JOIN reviews r ON r.vendor_id = l.vendor_id
        WHERE r.id = @reviewId AND l.[key] = @key AND l.value_json IS NOT NULL
        """;

    private const string TakeProvenanceSql = """
        DELETE FROM answer_provenance WHERE review_id = @reviewId AND [key] = @key;

        INSERT INTO answer_provenance (review_id, [key], vendor_id, vendor_value_json, vendor_updated_at, vendor_as_of)
        SELECT r.id, l.[key], l.vendor_id, l.value_json, l.updated_at,
               (SELECT v.as_of FROM vendor_libraries v WHERE v.vendor_id = l.vendor_id AND v.submitted_at >= l.updated_at)
        FROM reviews r JOIN library_answers l ON l.vendor_id = r.vendor_id AND l.[key] = @key
        WHERE r.id = @reviewId;
        """;

    public async Task<int> PrefillAsync(
        Guid reviewId, Guid vendorId, IReadOnlyCollection<string> keys, Guid userId, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var copied = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            PrefillSql,
            new { reviewId, vendorId, userId, at, keys = JsonSerializer.Serialize(keys) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    public async Task<IReadOnlyList<AnswerProvenance>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProvenanceRow>(new CommandDefinition(ListSql, new { reviewId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToProvenance())];
    }

    public async Task<bool> ConfirmAsync(Guid reviewId, string key, Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            ConfirmSql, new { reviewId, key, userId, at }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> ConfirmAllAsync(
        Guid reviewId, IReadOnlyCollection<string> keys, Guid userId, DateTimeOffset at, Func<int, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            ReviewStatusSql, new { reviewId }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(Enum.Parse<ReviewStatus>(status)))
        {
            throw new InvalidOperationException($"Review {reviewId} is decided and locked; its answers no longer change.");
        }
        var confirmed = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            ConfirmAllSql, new { reviewId, userId, at, keys = JsonSerializer.Serialize(keys) }, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, confirmed > 0 ? audit?.Invoke(confirmed) : null, cancellationToken);
        return confirmed;
    }

    public async Task<AnswerSaveResult?> TakeLibraryAnswerAsync(
        Guid reviewId, string key, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var current = await connection.QuerySingleOrDefaultAsync<AnswerUnderReviewRow>(new CommandDefinition(
            CurrentAnswerSql, new { reviewId, key }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {reviewId} does not exist.");
        if (ReviewLifecycle.IsLocked(current.ReviewStatus))
        {
            throw new InvalidOperationException($"Review {reviewId} is decided and locked; its answers no longer change.");
        }
        var library = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            LibraryValueSql, new { reviewId, key }, transaction, cancellationToken: cancellationToken));
        if (library is null)
        {
            return null;
        }
        var result = await SqlServerAnswerStore.SaveOverAsync(
            connections, connection, transaction, current, library, expectedVersion, userId, at, audit, cancellationToken);
        if (result is AnswerSaveResult.Saved)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                TakeProvenanceSql, new { reviewId, key }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
