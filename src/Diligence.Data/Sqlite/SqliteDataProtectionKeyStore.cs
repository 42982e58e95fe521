using Dapper;

namespace Diligence.Data.Sqlite;

public sealed class SqliteDataProtectionKeyStore(SqliteConnectionFactory connections) : IDataProtectionKeyStore
{
    public IReadOnlyList<string> ListXml()
    {
        using var connection = connections.Open();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id")];
    }

    public void Add(string? friendlyName, string xml, DateTimeOffset createdAt)
    {
        using var connection = connections.Open();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @createdAt)",
            new { friendlyName, xml, createdAt });
    }
}
