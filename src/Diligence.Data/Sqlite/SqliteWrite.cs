using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

/// <summary>
/// One write unit of work: a connection with its IMMEDIATE transaction, holding this process's write turn until
/// disposed. Disposing without <see cref="Commit"/> rolls everything back.
/// </summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim turn) : IDisposable
{
    private bool _disposed;

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public void Commit() => Transaction.Commit();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            Transaction.Dispose();
            Connection.Dispose();
        }
        finally
        {
            turn.Release();
        }
    }
}
