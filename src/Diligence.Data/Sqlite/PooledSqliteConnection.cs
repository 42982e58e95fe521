using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Sqlite;

/// <summary>
/// A connection <see cref="SqliteConnectionFactory"/> keeps open and lends to one caller at a time: disposing it hands
/// it back instead of closing it. SQLite compiles a statement for one connection, and a connection drops its whole page
/// cache whenever another connection has committed; a connection that outlives the store call keeps the statements
/// compiled on it, and lending the most recently returned one first keeps one user's reads and writes on one connection.
/// </summary>
public sealed class PooledSqliteConnection : SqliteConnection
{
    private readonly Func<PooledSqliteConnection, bool> _takeBack;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private Activity? _span;
    private bool _lent;
    private bool _closing;

    internal PooledSqliteConnection(string connectionString, Func<PooledSqliteConnection, bool> takeBack)
        : base(connectionString) => _takeBack = takeBack;

    /// <summary>True while a transaction is open on it, which must not pass to the next caller.</summary>
    internal bool InTransaction => Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>Hands it to a caller; <paramref name="span"/>, the caller's unit of work, ends when it comes back.</summary>
    internal void Lend(Activity? span)
    {
        _span = span;
        _lent = true;
    }

    /// <summary>Closes it for good: the factory no longer wants it, or is itself disposed.</summary>
    internal void CloseForGood()
    {
        _closing = true;
        Dispose();
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, compiled on first use and kept with <paramref name="parameters"/> added in
    /// that order, enlisted in <paramref name="transaction"/> (none for a read); the caller sets the parameters' values.
    /// </summary>
    internal SqliteCommand Prepared(string sql, IReadOnlyList<string> parameters, SqliteTransaction? transaction)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }
            command.Prepare();
            _prepared.Add(sql, command);
        }
        command.Transaction = transaction;
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closing)
        {
            if (!_lent)
            {
                return; // already handed back: a second dispose by the same caller changes nothing
            }
            _lent = false;
            _span?.Dispose();
            _span = null;
            if (_takeBack(this))
            {
                return;
            }
        }
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }
        _prepared.Clear();
        base.Dispose(disposing);
    }
}
