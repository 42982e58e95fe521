using Dapper;
using Diligence.Core.Audit;
using Diligence.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Tests.Sqlite;

/// <summary>The audit log's chain, append-only guard and retention, including rows changed behind the app's back.</summary>
public sealed class SqliteAuditStoreTests
{
    private SqliteTestDatabase _database = null!;
    private SqliteAuditStore _audit = null!;

    [SetUp]
    public async Task CreateMigratedDatabase()
    {
        _database = new SqliteTestDatabase();
        await _database.Migrations.MigrateAsync();
        _audit = new SqliteAuditStore(_database.Connections);
    }

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task Appended_events_are_numbered_chained_and_verify()
    {
        var first = await _audit.AppendAsync(Entry("a"));
        var second = await _audit.AppendAsync(Entry("b"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Sequence, Is.EqualTo(1));
            Assert.That(first.PreviousHash, Is.EqualTo(AuditCheckpoint.Genesis.Hash));
            Assert.That(second.Sequence, Is.EqualTo(2));
            Assert.That(second.PreviousHash, Is.EqualTo(first.Hash));
            Assert.That(second.Hash, Is.EqualTo(AuditChain.HashOf(second)));
        });
        Assert.That((await _audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 2 events"));
    }

    [Test]
    public async Task Stored_events_read_back_exactly_as_sealed()
    {
        var entry = Entry("x") with { Before = null, After = "ünïcødé \uD83D\uDE00 \uD800 'quote' \"dq\"", ClientAddress = null };
        var sealedEvent = await _audit.AppendAsync(entry);

        var read = await _audit.StreamAsync(AuditFilter.All).SingleAsync();

        Assert.That(read, Is.EqualTo(sealedEvent));
        Assert.That((await _audit.VerifyAsync()).IsIntact, Is.True);
    }

    [Test]
    public async Task Concurrent_appends_never_fork_the_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => _audit.AppendAsync(Entry($"r{i}")))));

        var result = await _audit.VerifyAsync();
        Assert.That(result.ToString(), Is.EqualTo("audit chain ok: 40 events"));
    }

    [Test]
    public async Task Update_and_delete_are_refused_by_the_database()
    {
        await _audit.AppendAsync(Entry("a"));
        using var connection = await _database.Connections.OpenAsync();

        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE audit_events SET actor = 'mallory'"));
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_events"));
    }

    [TestCase("actor = 'mallory'")]
    [TestCase("after_summary = 'status=Approved'")]
    [TestCase("occurred_at = '2000-01-01T00:00:00.0000000+00:00'")]
    public async Task A_row_edited_directly_breaks_the_chain_at_that_row(string change)
    {
        for (var i = 0; i < 5; i++)
        {
            await _audit.AppendAsync(Entry($"r{i}"));
        }
        await TamperAsync($"UPDATE audit_events SET {change} WHERE sequence = 3");

        var result = await _audit.VerifyAsync();

        Assert.That(result.BrokenAt, Is.EqualTo(3));
        Assert.That(result.ToString(), Does.StartWith("audit chain broken at event #3: "));
    }

    [TestCase(3)]
    [TestCase(1)]
    [TestCase(5)]
    public async Task A_row_deleted_directly_breaks_the_chain_at_that_row(int deleted)
    {
        for (var i = 0; i < 5; i++)
        {
            await _audit.AppendAsync(Entry($"r{i}"));
        }
        await TamperAsync($"DELETE FROM audit_events WHERE sequence = {deleted}");

        var result = await _audit.VerifyAsync();

        Assert.That(result.BrokenAt, Is.EqualTo(deleted), result.ToString());
    }

    [Test]
    public async Task A_rewritten_hash_still_breaks_the_chain_at_the_next_row()
    {
        for (var i = 0; i < 3; i++)
        {
            await _audit.AppendAsync(Entry($"r{i}"));
        }
        var second = await _audit.StreamAsync(AuditFilter.All).Skip(1).FirstAsync();
        var forged = AuditChain.Seal(2, second.PreviousHash, Entry(second.ResourceId) with { Actor = "mallory", OccurredAt = second.OccurredAt });
        await TamperAsync($"UPDATE audit_events SET actor = '{forged.Actor}', hash = '{forged.Hash}' WHERE sequence = 2");

        Assert.That((await _audit.VerifyAsync()).BrokenAt, Is.EqualTo(3));
    }

    [Test]
    public async Task Pruning_keeps_the_rest_verifiable_from_a_checkpoint()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            await _audit.AppendAsync(Entry($"r{i}") with { OccurredAt = start.AddDays(i) });
        }

        var pruned = await _audit.PruneAsync(start.AddDays(4));
        var next = await _audit.AppendAsync(Entry("after"));
        var verification = await _audit.VerifyAsync();
        var left = await _audit.QueryAsync(AuditFilter.All, 0, 100);

        Assert.Multiple(() =>
        {
            Assert.That(pruned, Is.EqualTo(4));
            Assert.That(next.Sequence, Is.EqualTo(11));
            Assert.That(verification.ToString(), Is.EqualTo("audit chain ok: 7 events"));
            Assert.That(left.Total, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Pruning_everything_continues_the_chain_from_the_checkpoint()
    {
        await _audit.AppendAsync(Entry("old") with { OccurredAt = DateTimeOffset.UnixEpoch });
        await _audit.PruneAsync(DateTimeOffset.UtcNow);
        await _audit.AppendAsync(Entry("new"));

        Assert.That((await _audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 1 events"));
    }

    [Test]
    public async Task Query_filters_and_pages_newest_first()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await _audit.AppendAsync(Entry($"r{i}") with { Actor = i % 2 == 0 ? "even@example.com" : "odd@example.com", OccurredAt = start.AddHours(i) });
        }

        var page = await _audit.QueryAsync(new AuditFilter(Actor: "even@example.com"), 1, 2);
        var window = await _audit.QueryAsync(new AuditFilter(From: start.AddHours(1), To: start.AddHours(3)), 0, 10);
        var byResource = await _audit.QueryAsync(new AuditFilter(ResourceType: "review", ResourceId: "r5"), 0, 10);

        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(3));
            Assert.That(page.Events.Select(e => e.ResourceId), Is.EqualTo(new[] { "r2", "r0" }));
            Assert.That(window.Events.Select(e => e.ResourceId), Is.EqualTo(new[] { "r2", "r1" }));
            Assert.That(byResource.Events.Single().Sequence, Is.EqualTo(6));
        });
    }

    [Test]
    public async Task Data_protection_keys_survive_reopening()
    {
        var keys = new SqliteDataProtectionKeyStore(_database.Connections);
        keys.Add("key-1", "<key id=\"1\" />", DateTimeOffset.UtcNow);
        _database.Reopen();

        Assert.That(new SqliteDataProtectionKeyStore(_database.Connections).ListXml(), Is.EqualTo(new[] { "<key id=\"1\" />" }));
    }

    private async Task TamperAsync(string sql)
    {
        using var connection = await _database.Connections.OpenAsync();
        // An attacker with the file can drop the guards; the chain must still tell.
        await connection.ExecuteAsync(
            "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; " + sql);
    }

    private static AuditEntry Entry(string resourceId) => new(
        DateTimeOffset.UtcNow, "alice@example.com", "Reviewer", AuditActions.AnswerSaved, "review", resourceId,
        "version=1", "version=2", "127.0.0.1", "req-1");
}
