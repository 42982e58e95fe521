using System.Text.Json;
using Dapper;
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
}
