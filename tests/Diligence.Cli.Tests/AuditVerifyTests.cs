using Dapper;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Data.Sqlite;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

public sealed class AuditVerifyTests
{
    [Test]
    public async Task An_intact_log_verifies_with_exit_code_0()
    {
        using var folder = new TempFolder();
        await WriteEventsAsync(folder.Root, 3);

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "audit chain ok: 3 events" }));
    }

    [Test]
    public async Task An_edited_row_fails_at_that_row_with_exit_code_1()
    {
        using var folder = new TempFolder();
        await WriteEventsAsync(folder.Root, 4);
        await ExecuteAsync(folder.Root, "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory' WHERE sequence = 2");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "audit chain broken at event #2: its contents do not match its hash" }));
    }

    [Test]
    public async Task A_deleted_row_fails_at_that_row()
    {
        using var folder = new TempFolder();
        await WriteEventsAsync(folder.Root, 4);
        await ExecuteAsync(folder.Root, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE sequence = 3");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Does.StartWith("audit chain broken at event #3: "));
    }

    [Test]
    public void A_folder_without_a_database_is_an_error_and_creates_nothing()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.Contain("no diligence.db"));
        Assert.That(Directory.EnumerateFileSystemEntries(folder.Root), Is.Empty);
    }

    private static async Task WriteEventsAsync(string directory, int count)
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });
        await storage.Migrations.MigrateAsync();
        for (var i = 0; i < count; i++)
        {
            await storage.Audit.AppendAsync(new AuditEntry(
                DateTimeOffset.UtcNow, "alice@example.com", "Admin", AuditActions.UserCreated, "user", $"u{i}", null,
                "role=Reviewer", "127.0.0.1", null));
        }
    }

    private static async Task ExecuteAsync(string directory, string sql)
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });
        using var connection = await storage.Connections.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
