using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Diligence.Data;

/// <summary>
/// Applies the embedded scripts <c>Migrations/{Provider}/NNNN_name.sql</c> in number order, each in its own transaction,
/// and records them in <c>schema_migrations</c>. Running it again applies only what is missing.
/// </summary>
public sealed partial class MigrationRunner : IDatabaseHealth
{
    private const string BatchSeparator = "GO";

    private const string SqliteHistoryTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id          INTEGER NOT NULL PRIMARY KEY,
            name        TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        )
        """;

    private const string SqlServerHistoryTableSql = """
        IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
            CREATE TABLE schema_migrations (
                id          int NOT NULL PRIMARY KEY,
                name        nvarchar(200) NOT NULL,
                applied_at  datetimeoffset(7) NOT NULL
            )
        """;

    private const string SqliteAlreadyAppliedSql = "SELECT COUNT(*) FROM schema_migrations WHERE id = @Id";

    // The update lock on the id's key range makes a second node wait here until the first has committed.
    private const string SqlServerAlreadyAppliedSql = "SELECT COUNT(*) FROM schema_migrations WITH (UPDLOCK, HOLDLOCK) WHERE id = @Id";

    private const string AppliedNamesSql = "SELECT name FROM schema_migrations ORDER BY id";

    private const string RecordSql = "INSERT INTO schema_migrations (id, name, applied_at) VALUES (@Id, @Name, @AppliedAt)";

    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly string _historyTableSql;
    private readonly string _alreadyAppliedSql;

    public MigrationRunner(IDbConnectionFactory connections, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
        _time = time ?? TimeProvider.System;
        _migrations = LoadMigrations(connections.Provider);
        (_historyTableSql, _alreadyAppliedSql) = connections.Provider switch
        {
            StorageProviders.Sqlite => (SqliteHistoryTableSql, SqliteAlreadyAppliedSql),
            StorageProviders.SqlServer => (SqlServerHistoryTableSql, SqlServerAlreadyAppliedSql),
            _ => throw new NotSupportedException($"No migrations for storage provider '{connections.Provider}'."),
        };
    }

    /// <summary>The names of the available migrations, in order.</summary>
    public IReadOnlyList<string> Available => [.. _migrations.Select(m => m.Name)];

    /// <summary>Applies the pending migrations; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            _historyTableSql, cancellationToken: cancellationToken));
        var applied = new List<string>();
        foreach (var migration in _migrations)
        {
            if (await ApplyAsync(connection, migration, cancellationToken))
            {
                applied.Add(migration.Name);
            }
        }

        return applied;
    }

    public async Task<DatabaseStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = await _connections.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                _historyTableSql, cancellationToken: cancellationToken));
            var applied = await connection.QueryAsync<string>(new CommandDefinition(
                AppliedNamesSql, cancellationToken: cancellationToken));
            return new DatabaseStatus(true, [.. applied], Available, null);
        }
        catch (DbException exception)
        {
            return new DatabaseStatus(false, [], Available, exception.Message);
        }
    }

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Checked inside the transaction: another process may have applied it meanwhile.
        var alreadyApplied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _alreadyAppliedSql,
            new { migration.Id },
            transaction,
            cancellationToken: cancellationToken));
        if (alreadyApplied > 0)
        {
            return false;
        }

        try
        {
            foreach (var batch in migration.Batches)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    batch, transaction: transaction, cancellationToken: cancellationToken));
            }
        }
        catch (DbException exception)
        {
            throw new InvalidOperationException($"Migration {migration.Name} failed and was rolled back: {exception.Message}", exception);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            RecordSql,
            new { migration.Id, migration.Name, AppliedAt = _time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The SQL a DBA runs instead of <see cref="MigrateAsync"/>: the history table, then each migration not in
    /// <paramref name="applied"/> in its own transaction with the row recording it.
    /// </summary>
    public string Script(IReadOnlyCollection<string> applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var provider = _connections.Provider;
        var isSqlServer = provider == StorageProviders.SqlServer;
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"-- Diligence schema migrations for {provider}, written by 'diligence migrate --script'.");
        script.AppendLine(isSqlServer
            ? "-- Run it as the migration login, stopping at the first error: sqlcmd -b -S SERVER -d DATABASE -i FILE"
            : "-- Run it against diligence.db while the app is stopped: sqlite3 diligence.db < FILE");
        script.AppendLine(_historyTableSql + ";");
        script.AppendLine(isSqlServer ? BatchSeparator : "");
        foreach (var migration in _migrations.Where(m => !applied.Contains(m.Name)))
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"-- {migration.Name}");
            script.AppendLine(isSqlServer ? "SET XACT_ABORT ON;\nBEGIN TRANSACTION;\nGO" : "BEGIN;");
            foreach (var batch in migration.Batches)
            {
                script.AppendLine(batch.Trim());
                script.AppendLine(isSqlServer ? BatchSeparator : "");
            }
            var appliedAt = isSqlServer ? "SYSDATETIMEOFFSET()" : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
            script.AppendLine(CultureInfo.InvariantCulture,
                $"INSERT INTO schema_migrations (id, name, applied_at) VALUES ({migration.Id}, '{migration.Name}', {appliedAt});");
            script.AppendLine(isSqlServer ? "COMMIT TRANSACTION;\nGO" : "COMMIT;");
        }
        return script.ToString().ReplaceLineEndings("\n");
    }

    private static List<Migration> LoadMigrations(string provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = MigrationFileName().Match(resource[prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        var duplicate = migrations.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {provider} migrations are numbered {duplicate.Key}.");
        }

        return [.. migrations.OrderBy(m => m.Id)];
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<name>(?<number>[0-9]{4})_[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationFileName();
}
