using Dapper;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerDataProtectionKeyStore(SqlServerConnectionFactory connections) : IDataProtectionKeyStore
{
    private const string ListSql = "SELECT xml FROM data_protection_keys ORDER BY id";

    private const string AddSql = "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @createdAt)";

    public IReadOnlyList<string> ListXml()
    {
        using var connection = connections.Open();
        return [.. connection.Query<string>(ListSql)];
    }

    public void Add(string? friendlyName, string xml, DateTimeOffset createdAt)
    {
        using var connection = connections.Open();
        connection.Execute(AddSql, new { friendlyName, xml, createdAt });
    }
}
