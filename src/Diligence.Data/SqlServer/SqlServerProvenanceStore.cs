using System.Text.Json;
using Dapper;
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
}
