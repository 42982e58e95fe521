using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Diligence.Data;

/// <summary>
/// Applies the embedded scripts <c>Migrations/{Provider}/NNNN_name.sql</c> in number order, each in its own transaction,
/// and records them in <c>schema_migrations</c>. Running it again applies only what is missing.
/// </summary>
public sealed partial class MigrationRunner : IDatabaseHealth
{
    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<Migration> _migrations;

    public MigrationRunner(IDbConnectionFactory connections, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
        _time = time ?? TimeProvider.System;
        _migrations = LoadMigrations(connections.Provider);
    }

    /// <summary>The names of the available migrations, in order.</summary>
    public IReadOnlyList<string> Available => [.. _migrations.Select(m => m.Name)];

    /// <summary>Applies the pending migrations; returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            CreateHistoryTableSql(_connections.Provider), cancellationToken: cancellationToken));
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
                CreateHistoryTableSql(_connections.Provider), cancellationToken: cancellationToken));
            var applied = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM schema_migrations ORDER BY id", cancellationToken: cancellationToken));
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
            "SELECT COUNT(*) FROM schema_migrations WHERE id = @Id",
            new { migration.Id },
            transaction,
            cancellationToken: cancellationToken));
        if (alreadyApplied > 0)
        {
            return false;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        }
        catch (DbException exception)
        {
            throw new InvalidOperationException($"Migration {migration.Name} failed and was rolled back: {exception.Message}", exception);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (id, name, applied_at) VALUES (@Id, @Name, @AppliedAt)",
            new { migration.Id, migration.Name, AppliedAt = _time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string CreateHistoryTableSql(string provider) => provider switch
    {
        StorageProviders.Sqlite => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id          INTEGER NOT NULL PRIMARY KEY,
                name        TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            )
            """,
        _ => throw new NotSupportedException($"No migrations for storage provider '{provider}'."),
    };

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
