using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerVendorStore(SqlServerConnectionFactory connections) : IVendorStore
{
    private const string SelectVendor = """
        SELECT id AS Id, name AS Name, product AS Product, website AS Website, contacts AS Contacts, created_at AS CreatedAt
        FROM vendors
        """;

    private const string CreateSql = """
        INSERT INTO vendors (id, name, product, website, contacts, created_at)
        VALUES (@Id, @Name, @Product, @Website, @Contacts, @CreatedAt)
        """;

    private const string GetSql = SelectVendor + " WHERE id = @id";

    private const string ListSql = SelectVendor + " ORDER BY name, id";

    public async Task CreateAsync(Vendor vendor, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateSql, vendor, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<Vendor?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Vendor>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Vendor>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Vendor>(new CommandDefinition(ListSql, cancellationToken: cancellationToken))];
    }
}
