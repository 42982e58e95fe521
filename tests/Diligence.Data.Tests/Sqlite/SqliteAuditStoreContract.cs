using System.Runtime.Versioning;
using Diligence.Core.Audit;
using Diligence.Data.Sqlite;
using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteAuditStoreContract : AuditStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();

    // Issue 17 (b): the newest events deleted and audit_head lowered to match what is left.
    [Test]
    public async Task The_newest_events_deleted_and_the_head_lowered_fails_verification()
    {
        for (var i = 0; i < 5; i++)
        {
            await Database.Audit.AppendAsync(TestData.AuditEntry($"r{i}"));
        }
        await Database.ExecuteSqlAsync(
            "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE sequence > 3; UPDATE audit_head SET sequence = 3");

        Assert.That((await Database.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #3: the audit head is not signed with this audit key"));
    }

    [Test]
    public async Task The_head_deleted_with_every_event_fails_verification_while_a_checkpoint_is_left()
    {
        for (var i = 0; i < 3; i++)
        {
            await Database.Audit.AppendAsync(TestData.AuditEntry($"r{i}") with { OccurredAt = DateTimeOffset.UnixEpoch });
        }
        await Database.Audit.PruneAsync(DateTimeOffset.UtcNow);
        await Database.ExecuteSqlAsync(
            "DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_head_no_delete; DELETE FROM audit_events; DELETE FROM audit_head");

        Assert.That((await Database.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #2: the signed audit head is missing, though events were written"));
    }

    [Test]
    public async Task Another_key_neither_verifies_nor_keys_the_log()
    {
        await Database.Audit.AppendAsync(TestData.AuditEntry("r"));
        using var other = new SqliteStorage(new StorageOptions { DataDirectory = ((SqliteTestDatabase)Database).Directory }, AuditKey.Generate());

        Assert.That((await other.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #1: the record of where the chain became keyed is not signed with this audit key"));
        Assert.That((await other.Audit.KeyAsync()).ToString(), Is.EqualTo(
            "audit chain broken at event #1: the audit head is not signed with this audit key (is it the key this log was written with?)"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task The_default_key_file_is_created_once_beside_the_database_owner_only()
    {
        var directory = ((SqliteTestDatabase)Database).Directory;
        var path = Path.Combine(directory, AuditKeyFile.DefaultFileName);
        var first = await File.ReadAllTextAsync(path);
        using (new SqliteStorage(new StorageOptions { DataDirectory = directory }))
        {
            Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(first));
        }

        Assert.That(Convert.FromBase64String(first), Has.Length.EqualTo(AuditKey.MinimumLength));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void A_key_file_others_can_read_is_refused()
    {
        var path = Path.Combine(((SqliteTestDatabase)Database).Directory, AuditKeyFile.DefaultFileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        Assert.That(() => AuditKeyFile.Load(path), Throws.TypeOf<AuditKeyException>().With.Message.EqualTo(
            $"The audit key file '{path}' can be read or written by others than its owner; make it owner-only (chmod 600 '{path}')."));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task A_key_file_with_a_short_key_is_refused()
    {
        var path = Path.Combine(((SqliteTestDatabase)Database).Directory, "short.key");
        await File.WriteAllTextAsync(path, Convert.ToBase64String(new byte[16]));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.That(() => AuditKeyFile.Load(path), Throws.TypeOf<AuditKeyException>().With.Message.EqualTo(
            $"The audit key file '{path}' does not hold a base64 key of at least 32 bytes."));
    }
}
