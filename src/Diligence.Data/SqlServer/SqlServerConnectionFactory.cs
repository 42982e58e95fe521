using System.Data.Common;
using System.Runtime.CompilerServices;
using Diligence.Core.Audit;
using Microsoft.Data.SqlClient;

namespace Diligence.Data.SqlServer;

/// <summary>
/// Opens pooled connections to the database a SQL Server connection string names. Disposing it closes the pooled
/// connections, so a dropped test database is not held open.
/// </summary>
public sealed class SqlServerConnectionFactory : IDbConnectionFactory, IDisposable
{
    private readonly string _connectionString;
    private readonly AuditKey? _auditKey;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for a connection string SqlClient cannot read. Audit events are signed with
    /// <paramref name="auditKey"/>; without one (migrations, scripts) nothing can be audited.
    /// </summary>
    public SqlServerConnectionFactory(string connectionString, AuditKey? auditKey = null)
    {
        _auditKey = auditKey;
        ArgumentNullException.ThrowIfNull(connectionString);
        var builder = new SqlConnectionStringBuilder(connectionString);
        Server = builder.DataSource;
        Database = builder.InitialCatalog;
        _connectionString = builder.ConnectionString;
    }

    public string Provider => StorageProviders.SqlServer;

    /// <summary>The server the connection string names, for messages (never the password).</summary>
    public string Server { get; }

    public string Database { get; }

    /// <summary>The key audit events are signed with; the app refuses to start on SQL Server without one configured.</summary>
    public AuditKey AuditKey => _auditKey ?? throw new AuditKeyException("No audit key was given for SQL Server: set Audit:Key or Audit:KeyFile.");

    public async Task<SqlConnection> OpenAsync(
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string callerMethod = "")
    {
        var connection = new SqlConnection(_connectionString);
        try
        {
            DataTelemetry.Trace(connection, "mssql", callerFile, callerMethod);
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>For callers the framework gives no async path, such as the data-protection key repository.</summary>
    public SqlConnection Open()
    {
        var connection = new SqlConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    async Task<DbConnection> IDbConnectionFactory.OpenAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken);

    public void Dispose()
    {
        using var connection = new SqlConnection(_connectionString);
        SqlConnection.ClearPool(connection);
    }
}
