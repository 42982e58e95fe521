using System.Runtime.Versioning;
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

    // Issue 17 (a): before, "audit chain ok: 0 events".
    [Test]
    public async Task A_forged_checkpoint_and_every_event_deleted_fails()
    {
        using var folder = new TempFolder();
        var events = await WriteEventsAsync(folder.Root, 4);
        await ExecuteAsync(folder.Root,
            $"INSERT INTO audit_checkpoints (sequence, hash, created_at) VALUES (4, '{events[3].Hash}', '2026-01-01T00:00:00+00:00'); DELETE FROM audit_events");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "audit chain broken at event #4: its retention checkpoint is not signed" }));
    }

    // Issue 17 (b): before, "audit chain ok: 2 events".
    [Test]
    public async Task The_newest_events_deleted_and_the_head_lowered_fails()
    {
        using var folder = new TempFolder();
        await WriteEventsAsync(folder.Root, 4);
        await ExecuteAsync(folder.Root, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE sequence > 2; UPDATE audit_head SET sequence = 2");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "audit chain broken at event #2: the audit head is not signed with this audit key" }));
    }

    // Issue 17 (c): before, an edit with the SHA-256 chain redone after it passed.
    [Test]
    public async Task An_edited_event_with_its_chain_recomputed_without_the_key_fails()
    {
        using var folder = new TempFolder();
        var events = await WriteEventsAsync(folder.Root, 3);
        var edited = events[1] with { Actor = "mallory@example.com" };
        edited = edited with { Hash = AuditChain.HashOf(edited, key: null) };
        var next = events[2] with { PreviousHash = edited.Hash };
        next = next with { Hash = AuditChain.HashOf(next, key: null) };
        await ExecuteAsync(folder.Root, $"""
            DROP TRIGGER audit_events_no_update;
            UPDATE audit_events SET actor = '{edited.Actor}', hash = '{edited.Hash}' WHERE sequence = 2;
            UPDATE audit_events SET previous_hash = '{next.PreviousHash}', hash = '{next.Hash}' WHERE sequence = 3;
            """);

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "audit chain broken at event #2: its contents do not match its hash" }));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task Another_key_file_fails()
    {
        using var folder = new TempFolder();
        await WriteEventsAsync(folder.Root, 2);
        var other = folder.Write("other.key", AuditKey.Generate().ToBase64());
        File.SetUnixFileMode(other, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = CliRun.Of("audit", "verify", "--data", folder.Root, "--key-file", other);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "audit chain broken at event #1: the record of where the chain became keyed is not signed with this audit key",
        }));
    }

    [Test]
    public async Task Without_a_key_it_says_where_to_find_one()
    {
        using var folder = new TempFolder();
        await WriteEventsAsync(folder.Root, 1);
        File.Delete(folder.Path(AuditKeyFile.DefaultFileName));

        var run = CliRun.Of("audit", "verify", "--data", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.TrimEnd(), Is.EqualTo(
            $"diligence: error: no audit key: pass --key-file, set DILIGENCE_AUDIT_KEY, or keep audit.key in '{folder.Root}'."));
    }

    [Test]
    public async Task Anchors_the_database_still_matches_verify()
    {
        using var folder = new TempFolder();
        var events = await WriteEventsAsync(folder.Root, 3);
        var key = AuditKeyFile.Load(folder.Path(AuditKeyFile.DefaultFileName));
        var anchors = folder.Write("anchors.log", $"{Anchor(key, events[1])}\n{Anchor(key, events[2])}\n");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root, "--anchors", anchors);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout);
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "audit chain ok: 3 events", "anchors ok: 2 matched" }));
    }

    // A head copied while it was at #2 and put back after #3 and #4 were deleted: only an anchor taken later tells.
    [Test]
    public async Task An_old_signed_head_put_back_after_deleting_the_newest_events_is_caught_by_the_anchors()
    {
        using var folder = new TempFolder();
        var events = await WriteEventsAsync(folder.Root, 2);
        var saved = await QueryHeadRowAsync(folder.Root);
        events.AddRange(await WriteEventsAsync(folder.Root, 2));
        var key = AuditKeyFile.Load(folder.Path(AuditKeyFile.DefaultFileName));
        var anchors = folder.Write("anchors.log", $"{Anchor(key, events[1])}\n\n{Anchor(key, events[3])}\nnot an anchor\n");
        await ExecuteAsync(folder.Root,
            $"DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE sequence > 2; UPDATE audit_head SET sequence = 2, hash = '{saved.Hash}', signature = '{saved.Signature}'");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root, "--anchors", anchors);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "audit chain ok: 2 events",
            $"{anchors}:4: not an anchor (sequence hash time signature)",
            $"{anchors}:3: the database no longer matches this anchor: event #4 is gone (the log now ends at #2)",
            "anchors: 2 of 3 do not match",
        }));
    }

    // Every audit row gone, head included, looks like a new log; what is left to compare against is outside the database.
    [Test]
    public async Task A_log_emptied_with_its_head_verifies_as_empty_but_the_anchors_report_it()
    {
        using var folder = new TempFolder();
        var events = await WriteEventsAsync(folder.Root, 2);
        var key = AuditKeyFile.Load(folder.Path(AuditKeyFile.DefaultFileName));
        var anchors = folder.Write("anchors.log", $"{Anchor(key, events[1])}\n");
        await ExecuteAsync(folder.Root,
            "DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_head_no_delete; DELETE FROM audit_events; DELETE FROM audit_head");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root, "--anchors", anchors);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "audit chain ok: 0 events",
            $"{anchors}:1: the database no longer matches this anchor: event #2 is gone (the log now ends at #0)",
            "anchors: 1 of 1 do not match",
        }));
    }

    [Test]
    public async Task An_anchor_with_another_hash_or_signed_with_another_key_is_reported_with_its_line()
    {
        using var folder = new TempFolder();
        var events = await WriteEventsAsync(folder.Root, 2);
        var key = AuditKeyFile.Load(folder.Path(AuditKeyFile.DefaultFileName));
        var anchors = folder.Write("anchors.log",
            $"{Anchor(key, events[0] with { Hash = new string('f', 64) })}\n{Anchor(AuditKey.Generate(), events[1])}\n");

        var run = CliRun.Of("audit", "verify", "--data", folder.Root, "--anchors", anchors);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "audit chain ok: 2 events",
            $"{anchors}:2: anchor #2 is not signed with this audit key",
            $"{anchors}:1: the database no longer matches this anchor: event #1 holds another hash",
            "anchors: 2 of 2 do not match",
        }));
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

    private static string Anchor(AuditKey key, AuditEvent e) => AuditAnchor.Signed(key, e.Sequence, e.Hash, DateTimeOffset.UtcNow).ToLine();

    // Written with the default key, created in audit.key beside the database as the app does.
    private static async Task<List<AuditEvent>> WriteEventsAsync(string directory, int count)
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });
        await storage.Migrations.MigrateAsync();
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await storage.Audit.AppendAsync(new AuditEntry(
                DateTimeOffset.UtcNow, "alice@example.com", "Admin", AuditActions.UserCreated, "user", $"u{i}", null,
                "role=Reviewer", "127.0.0.1", null)));
        }
        return events;
    }

    private static async Task<(string Hash, string Signature)> QueryHeadRowAsync(string directory)
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });
        using var connection = await storage.Connections.OpenAsync();
        return await connection.QuerySingleAsync<(string, string)>("SELECT hash, signature FROM audit_head");
    }

    private static async Task ExecuteAsync(string directory, string sql)
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });
        using var connection = await storage.Connections.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
