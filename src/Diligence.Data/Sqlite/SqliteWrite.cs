using Diligence.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

/// <summary>
/// One write unit of work: a connection with its IMMEDIATE transaction, holding this process's write turn until
/// disposed. Disposing without <see cref="Commit()"/> rolls everything back.
/// </summary>
public sealed class SqliteWrite(PooledSqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim turn, AuditKey auditKey) : IDisposable
{
    private bool _disposed;

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    /// <summary>The key audit events appended in this write are signed with.</summary>
    public AuditKey AuditKey { get; } = auditKey;

    /// <summary>
    /// A command compiled once per connection for <paramref name="sql"/>, with <paramref name="parameters"/> in that
    /// order, enlisted in this write; set the parameters' values before running it.
    /// </summary>
    public SqliteCommand Prepared(string sql, IReadOnlyList<string> parameters) =>
        connection.Prepared(sql, parameters, Transaction);

    public void Commit() => Transaction.Commit();

    /// <summary>Appends <paramref name="audit"/>, when given, as the next audit event, then commits it with the change.</summary>
    public void Commit(AuditEntry? audit)
    {
        if (audit is not null)
        {
            SqliteAuditStore.Append(this, audit);
        }
        Commit();
    }

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
