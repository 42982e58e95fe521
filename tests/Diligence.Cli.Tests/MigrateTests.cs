using Diligence.Data;
using Diligence.Data.Sqlite;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

public sealed class MigrateTests
{
    [Test]
    public void The_sql_server_script_holds_every_migration_in_order_each_recorded_in_its_own_transaction()
    {
        var run = CliRun.Of("migrate", "--provider", "sqlserver", "--script");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stderr, Is.Empty);
        Assert.That(run.StdoutLines[0], Is.EqualTo("-- Diligence schema migrations for SqlServer, written by 'diligence migrate --script'."));
        Assert.That(run.StdoutLines.Where(l => l.StartsWith("-- 00", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "-- 0001_initial", "-- 0002_audit", "-- 0003_vendor_library", "-- 0004_exports", "-- 0005_provenance_as_of", "-- 0006_audit_lean_indexes", "-- 0007_reviews_by_previous",
                "-- 0008_decision_and_finding_authors", "-- 0009_sessions", "-- 0010_sign_in_failures", "-- 0011_audit_key" }));
        Assert.That(run.StdoutLines.Count(l => l == "BEGIN TRANSACTION;"), Is.EqualTo(11));
        Assert.That(run.StdoutLines.Count(l => l == "COMMIT TRANSACTION;"), Is.EqualTo(11));
        Assert.That(run.StdoutLines,
            Does.Contain("INSERT INTO schema_migrations (id, name, applied_at) VALUES (8, '0008_decision_and_finding_authors', SYSDATETIMEOFFSET());"));
        Assert.That(run.StdoutLines, Does.Contain("CREATE TRIGGER audit_events_no_update ON audit_events AFTER UPDATE"));
    }

    [Test]
    public async Task The_sqlite_script_run_by_hand_leaves_the_same_schema_the_app_would()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("migrate", "--provider", "sqlite", "--script");
        using (var connection = new SqliteConnection($"Data Source={folder.Path(SqliteConnectionFactory.DatabaseFileName)}"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = run.Stdout;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = folder.Root });
        var status = await storage.Health.GetStatusAsync();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That((status.Healthy, status.Applied), Is.EqualTo((true, storage.Migrations.Available)));
        Assert.That(await storage.Migrations.MigrateAsync(), Is.Empty);
    }

    [Test]
    public void Migrating_a_sqlite_folder_applies_everything_once()
    {
        using var folder = new TempFolder();
        IReadOnlyList<string> available;
        using (var storage = new SqliteStorage(new StorageOptions { DataDirectory = folder.Root }))
        {
            available = storage.Migrations.Available;
        }

        var first = CliRun.Of("migrate", "--provider", "sqlite", "--connection", folder.Root);
        var second = CliRun.Of("migrate", "--provider", "SQLite", "--connection", folder.Root);
        var script = CliRun.Of("migrate", "--provider", "sqlite", "--connection", folder.Root, "--script");
        SqliteConnection.ClearAllPools();

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(first.StdoutLines, Is.EqualTo(available.Select(m => $"applied {m}")
            .Append($"schema current: {available.Count} migrations, {available.Count} applied now")));
        Assert.That(second.StdoutLines, Is.EqualTo(new[] { $"schema current: {available.Count} migrations, 0 applied now" }));
        Assert.That(script.StdoutLines.Where(l => l.StartsWith("-- 000", StringComparison.Ordinal)), Is.Empty, "nothing left to script");
    }

    [Test]
    public void An_unknown_provider_is_a_usage_error()
    {
        var run = CliRun.Of("migrate", "--provider", "oracle", "--connection", "x");

        Assert.That((run.ExitCode, run.Stdout), Is.EqualTo((2, "")));
        Assert.That(run.Stderr, Is.EqualTo("diligence: error: --provider must be 'sqlserver' or 'sqlite', not 'oracle'." + Environment.NewLine));
    }

    [Test]
    public void A_missing_provider_is_a_usage_error()
    {
        var run = CliRun.Of("migrate", "--script");

        Assert.That((run.ExitCode, run.Stdout), Is.EqualTo((2, "")));
        Assert.That(run.Stderr, Does.StartWith("diligence: Option '--provider' is required."));
    }

    [Test]
    public void Applying_without_a_connection_is_a_usage_error()
    {
        var run = CliRun.Of("migrate", "--provider", "sqlserver");

        Assert.That((run.ExitCode, run.Stdout), Is.EqualTo((2, "")));
        Assert.That(run.Stderr, Is.EqualTo(
            "diligence: error: --connection is required to apply migrations; add --script to print them instead." + Environment.NewLine));
    }

    [Test]
    public void An_unreadable_connection_string_is_a_usage_error()
    {
        var run = CliRun.Of("migrate", "--provider", "sqlserver", "--connection", "Server=db.example;Colour=blue");

        Assert.That((run.ExitCode, run.Stdout), Is.EqualTo((2, "")));
        Assert.That(run.Stderr, Is.EqualTo(
            "diligence: error: --connection is not a valid SQL Server connection string: Keyword not supported: 'colour'." + Environment.NewLine));
    }

    [Test]
    public void An_unreachable_server_fails_with_one_line()
    {
        var run = CliRun.Of("migrate", "--provider", "sqlserver", "--connection", "Server=127.0.0.1,1;Connect Timeout=2;Encrypt=False");

        Assert.That((run.ExitCode, run.Stdout), Is.EqualTo((1, "")));
        Assert.That(run.Stderr, Is.EqualTo("diligence: error: Cannot reach SQL Server '127.0.0.1,1': check the server and port in --connection, "
            + "the firewall, and that SQL Server is running." + Environment.NewLine));
    }
}
