using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

/// <summary>
/// Opens connections to <c>diligence.db</c> in the data directory (created if missing), each set up for WAL with a busy
/// timeout, foreign keys on and synchronous=NORMAL. Disposing it closes the pooled connections, releasing the file.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    public const string DatabaseFileName = "diligence.db";

    // Per-connection settings; pooled connections keep them, but a pool may hand out a fresh one at any time.
    private const string ConnectionPragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    // WAL is stored in the file: setting it once per factory is enough.
    private const string FirstConnectionPragmas = "PRAGMA journal_mode=WAL; " + ConnectionPragmas;

    private readonly string _connectionString;
    private volatile bool _walEnabled;

    public SqliteConnectionFactory(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, DatabaseFileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        SqliteTypeHandlers.Register();
    }

    public string Provider => StorageProviders.Sqlite;

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = _walEnabled ? ConnectionPragmas : FirstConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _walEnabled = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>For callers the framework gives no async path, such as the data-protection key repository.</summary>
    public SqliteConnection Open() => OpenAsync().GetAwaiter().GetResult();

    async Task<DbConnection> IDbConnectionFactory.OpenAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken);

    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
