using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

public sealed class SqliteVendorStore(SqliteConnectionFactory connections) : IVendorStore
{
    private const string SelectVendor = """
        SELECT id AS Id, name AS Name, product AS Product, website AS Website, contacts AS Contacts, created_at AS CreatedAt
        FROM vendors
        """;

    public async Task CreateAsync(Vendor vendor, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vendors (id, name, product, website, contacts, created_at)
            VALUES (@Id, @Name, @Product, @Website, @Contacts, @CreatedAt)
            """,
            vendor,
            write.Transaction,
            cancellationToken: cancellationToken));
        write.Commit(audit);
    }

    public async Task<Vendor?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Vendor>(new CommandDefinition(
            SelectVendor + " WHERE id = @id",
            new { id },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Vendor>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Vendor>(new CommandDefinition(
            SelectVendor + " ORDER BY name, id",
            cancellationToken: cancellationToken));
        return [.. rows];
    }
}
