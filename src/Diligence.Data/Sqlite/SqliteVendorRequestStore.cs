using System.Globalization;
using System.Text.Json;
using Dapper;
using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

public sealed class SqliteVendorRequestStore(SqliteConnectionFactory connections) : IVendorRequestStore
{
    private const string SelectRequest = """
        SELECT review_id AS ReviewId, vendor_id AS VendorId, keys_json AS KeysJson, due_on AS DueOn, requested_at AS RequestedAt
        FROM vendor_requests
        """;

    public async Task SaveAsync(VendorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vendor_requests (review_id, vendor_id, keys_json, due_on, requested_at)
            VALUES (@ReviewId, @VendorId, @KeysJson, @DueOn, @RequestedAt)
            ON CONFLICT (review_id) DO UPDATE
            SET keys_json = excluded.keys_json, due_on = excluded.due_on, requested_at = excluded.requested_at
            """,
            new
            {
                request.ReviewId,
                request.VendorId,
                KeysJson = JsonSerializer.Serialize(request.Keys),
                DueOn = request.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                request.RequestedAt,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<VendorRequest?> GetAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VendorRequestRow>(new CommandDefinition(
            SelectRequest + " WHERE review_id = @reviewId", new { reviewId }, cancellationToken: cancellationToken));
        return row?.ToRequest();
    }

    public async Task<IReadOnlyList<VendorRequest>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VendorRequestRow>(new CommandDefinition(
            SelectRequest + " WHERE vendor_id = @vendorId ORDER BY requested_at DESC", new { vendorId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRequest())];
    }
}
