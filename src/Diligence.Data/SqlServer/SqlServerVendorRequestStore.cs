using System.Globalization;
using System.Text.Json;
using Dapper;
using Diligence.Core.Vendors;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerVendorRequestStore(SqlServerConnectionFactory connections) : IVendorRequestStore
{
    // due_on is a date; read back as ISO text (style 23) for the row both providers share.
    private const string SelectRequest = """
        SELECT review_id AS ReviewId, vendor_id AS VendorId, keys_json AS KeysJson, CONVERT(char(10), due_on, 23) AS DueOn,
               requested_at AS RequestedAt
        FROM vendor_requests
        """;

    // Update first, insert when nothing matched; the serializable update lock makes the pair one step.
    private const string SaveSql = """
        UPDATE vendor_requests WITH (UPDLOCK, SERIALIZABLE)
        SET keys_json = @KeysJson, due_on = CONVERT(date, @DueOn, 23), requested_at = @RequestedAt
        WHERE review_id = @ReviewId;
        IF @@ROWCOUNT = 0
            INSERT INTO vendor_requests (review_id, vendor_id, keys_json, due_on, requested_at)
            VALUES (@ReviewId, @VendorId, @KeysJson, CONVERT(date, @DueOn, 23), @RequestedAt);
        """;

    private const string GetSql = SelectRequest + " WHERE review_id = @reviewId";

    private const string ListSql = SelectRequest + " WHERE vendor_id = @vendorId ORDER BY requested_at DESC";

    public async Task SaveAsync(VendorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(new CommandDefinition(
            SaveSql,
            new
            {
                request.ReviewId,
                request.VendorId,
                KeysJson = JsonSerializer.Serialize(request.Keys),
                DueOn = request.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                request.RequestedAt,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<VendorRequest?> GetAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VendorRequestRow>(new CommandDefinition(
            GetSql, new { reviewId }, cancellationToken: cancellationToken));
        return row?.ToRequest();
    }

    public async Task<IReadOnlyList<VendorRequest>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VendorRequestRow>(new CommandDefinition(ListSql, new { vendorId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRequest())];
    }
}
