using System.Data.Common;
using Diligence.Core.Audit;

namespace Diligence.Data.Tests.Contracts;

/// <summary>The audit log's chain, append-only guard and retention, including rows changed behind the app's back.</summary>
public abstract class AuditStoreContract : StoreContract
{
    [Test]
    public async Task Appended_events_are_numbered_chained_and_verify()
    {
        var first = await Database.Audit.AppendAsync(Entry("a"));
        var second = await Database.Audit.AppendAsync(Entry("b"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Sequence, Is.EqualTo(1));
            Assert.That(first.PreviousHash, Is.EqualTo(AuditCheckpoint.Genesis.Hash));
            Assert.That(second.Sequence, Is.EqualTo(2));
            Assert.That(second.PreviousHash, Is.EqualTo(first.Hash));
            Assert.That(second.Hash, Is.EqualTo(AuditChain.HashOf(second, Database.AuditKey)));
        });
        Assert.That((await Database.Audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 2 events"));
    }

    [Test]
    public async Task Stored_events_read_back_exactly_as_sealed()
    {
        var entry = Entry("x") with { Before = null, After = "ünïcødé \uD83D\uDE00 \uD800 'quote' \"dq\"", ClientAddress = null };
        var sealedEvent = await Database.Audit.AppendAsync(entry);

        var read = await Database.Audit.StreamAsync(AuditFilter.All).SingleAsync();

        Assert.That(read, Is.EqualTo(sealedEvent));
        Assert.That((await Database.Audit.VerifyAsync()).IsIntact, Is.True);
    }

    [Test]
    public async Task Concurrent_appends_never_fork_the_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Database.Audit.AppendAsync(Entry($"r{i}")))));

        var result = await Database.Audit.VerifyAsync();
        Assert.That(result.ToString(), Is.EqualTo("audit chain ok: 40 events"));
    }

    [Test]
    public async Task Update_and_delete_are_refused_by_the_database()
    {
        await Database.Audit.AppendAsync(Entry("a"));

        Assert.That(() => Database.ExecuteSqlAsync("UPDATE audit_events SET actor = 'mallory'"), Throws.InstanceOf<DbException>());
        Assert.That(() => Database.ExecuteSqlAsync("DELETE FROM audit_events"), Throws.InstanceOf<DbException>());
        Assert.That((await Database.Audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 1 events"));
    }

    [TestCase("actor = 'mallory'")]
    [TestCase("after_summary = 'status=Approved'")]
    [TestCase("occurred_at = '2000-01-01T00:00:00.0000000+00:00'")]
    public async Task A_row_edited_directly_breaks_the_chain_at_that_row(string change)
    {
        for (var i = 0; i < 5; i++)
        {
            await Database.Audit.AppendAsync(Entry($"r{i}"));
        }
        await TamperAsync($"UPDATE audit_events SET {change} WHERE sequence = 3");

        var result = await Database.Audit.VerifyAsync();

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
            await Database.Audit.AppendAsync(Entry($"r{i}"));
        }
        await TamperAsync($"DELETE FROM audit_events WHERE sequence = {deleted}");

        var result = await Database.Audit.VerifyAsync();

        Assert.That(result.BrokenAt, Is.EqualTo(deleted), result.ToString());
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_newest_answer_saves_event_deleted_directly_breaks_the_chain_even_once_another_event_follows(bool appendAfter)
    {
        var review = await Database.SeedReviewAsync();
        for (var version = 0; version < 3; version++)
        {
            await Database.Answers.SaveAsync(review.Id, "q.key", $"{{\"value\":\"{version}\"}}", version, review.OwnerId, TestData.Now,
                (_, saved) => Entry($"save {saved.Version}"));
        }
        await TamperAsync("DELETE FROM audit_events WHERE sequence = 3");
        if (appendAfter)
        {
            await Database.Audit.AppendAsync(Entry("after"));
        }

        var result = await Database.Audit.VerifyAsync();

        Assert.That(result.BrokenAt, Is.EqualTo(3), result.ToString());
    }

    [Test]
    public async Task A_rewritten_hash_still_breaks_the_chain_at_the_next_row()
    {
        for (var i = 0; i < 3; i++)
        {
            await Database.Audit.AppendAsync(Entry($"r{i}"));
        }
        var second = await Database.Audit.StreamAsync(AuditFilter.All).Skip(1).FirstAsync();
        var forged = AuditChain.Seal(Database.AuditKey, 2, second.PreviousHash, Entry(second.ResourceId) with { Actor = "mallory", OccurredAt = second.OccurredAt });
        await TamperAsync($"UPDATE audit_events SET actor = '{forged.Actor}', hash = '{forged.Hash}' WHERE sequence = 2");

        Assert.That((await Database.Audit.VerifyAsync()).BrokenAt, Is.EqualTo(3));
    }

    [Test]
    public async Task Pruning_keeps_the_rest_verifiable_from_a_checkpoint()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            await Database.Audit.AppendAsync(Entry($"r{i}") with { OccurredAt = start.AddDays(i) });
        }

        var pruned = await Database.Audit.PruneAsync(start.AddDays(4));
        var next = await Database.Audit.AppendAsync(Entry("after"));
        var verification = await Database.Audit.VerifyAsync();
        var left = await Database.Audit.QueryAsync(AuditFilter.All, 0, 100);

        Assert.Multiple(() =>
        {
            Assert.That(pruned, Is.EqualTo(4));
            Assert.That(next.Sequence, Is.EqualTo(11));
            Assert.That(verification.ToString(), Is.EqualTo("audit chain ok: 7 events"));
            Assert.That(left.Total, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Pruning_keeps_the_newest_event_however_old_and_the_chain_goes_on_from_it()
    {
        await Database.Audit.AppendAsync(Entry("old") with { OccurredAt = DateTimeOffset.UnixEpoch });
        await Database.Audit.AppendAsync(Entry("old") with { OccurredAt = DateTimeOffset.UnixEpoch });

        var pruned = await Database.Audit.PruneAsync(DateTimeOffset.UtcNow);
        var verifiedAfterPruning = await Database.Audit.VerifyAsync();
        await Database.Audit.AppendAsync(Entry("new"));

        Assert.That(pruned, Is.EqualTo(1));
        Assert.That(verifiedAfterPruning.ToString(), Is.EqualTo("audit chain ok: 1 events"));
        Assert.That((await Database.Audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 2 events"));
    }

    // Issue 17 (a): a checkpoint inserted by hand lets the delete trigger through; it carries no signature.
    [Test]
    public async Task A_forged_checkpoint_then_every_event_deleted_fails_verification()
    {
        var events = await AppendAsync(5);
        await Database.ExecuteSqlAsync(
            $"INSERT INTO audit_checkpoints (sequence, hash, created_at) VALUES (5, '{events[4].Hash}', '2026-01-01T00:00:00+00:00')");
        await Database.ExecuteSqlAsync("DELETE FROM audit_events");

        Assert.That((await Database.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #5: its retention checkpoint is not signed"));
    }

    // Issue 17 (a): a correct checkpoint (the real hash of #3) deleting the events before it, but not signed by retention.
    [Test]
    public async Task A_correct_but_unsigned_checkpoint_deleting_the_oldest_events_fails_verification()
    {
        var events = await AppendAsync(5);
        await Database.ExecuteSqlAsync(
            $"INSERT INTO audit_checkpoints (sequence, hash, created_at) VALUES (3, '{events[2].Hash}', '2026-01-01T00:00:00+00:00')");
        await Database.ExecuteSqlAsync("DELETE FROM audit_events WHERE sequence <= 3");

        Assert.That((await Database.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #3: its retention checkpoint is not signed"));
    }

    [Test]
    public async Task A_checkpoint_signed_with_another_key_fails_verification()
    {
        var events = await AppendAsync(5);
        var forged = AuditCheckpoint.Signed(AuditKey.Generate(), 3, events[2].Hash);
        await Database.ExecuteSqlAsync(
            $"INSERT INTO audit_checkpoints (sequence, hash, signature, created_at) VALUES (3, '{forged.Hash}', '{forged.Signature}', '2026-01-01T00:00:00+00:00')");
        await Database.ExecuteSqlAsync("DELETE FROM audit_events WHERE sequence <= 3");

        Assert.That((await Database.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #3: its retention checkpoint is not signed with this audit key"));
    }

    // Issue 17 (c): an event edited and the whole chain after it recomputed, as the unkeyed SHA-256 chain allowed.
    [Test]
    public async Task An_event_edited_and_the_chain_recomputed_without_the_key_fails_verification()
    {
        var events = await AppendAsync(5);
        var previous = events[1].Hash;
        var rewrite = "";
        foreach (var e in events.Skip(2))
        {
            var edited = e with { Actor = e.Sequence == 3 ? "mallory" : e.Actor, PreviousHash = previous };
            edited = edited with { Hash = AuditChain.HashOf(edited, key: null) };
            rewrite += $"UPDATE audit_events SET actor = '{edited.Actor}', previous_hash = '{edited.PreviousHash}', hash = '{edited.Hash}' WHERE sequence = {e.Sequence}; ";
            previous = edited.Hash;
        }
        await TamperAsync(rewrite);

        Assert.That((await Database.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #3: its contents do not match its hash"));
    }

    [Test]
    public async Task Anchors_match_until_the_event_they_name_holds_another_hash_or_is_gone()
    {
        var events = await AppendAsync(4);
        AuditAnchor[] anchors =
        [
            AuditAnchor.Signed(Database.AuditKey, 2, events[1].Hash, TestData.Now),
            AuditAnchor.Signed(Database.AuditKey, 3, events[1].Hash, TestData.Now),
            AuditAnchor.Signed(Database.AuditKey, 9, events[3].Hash, TestData.Now),
        ];

        Assert.That(await Database.Audit.CheckAnchorsAsync(anchors),
            Is.EqualTo(new[] { null, "event #3 holds another hash", "event #9 is gone (the log now ends at #4)" }));
    }

    [Test]
    public async Task Keying_a_keyed_log_changes_nothing()
    {
        await AppendAsync(2);

        Assert.That((await Database.Audit.KeyAsync()).IsIntact, Is.True);
        Assert.That((await Database.Audit.HeadAsync())!.Sequence, Is.EqualTo(2));
    }

    [Test]
    public async Task Pruning_with_nothing_old_enough_deletes_nothing() =>
        Assert.That(await Database.Audit.PruneAsync(DateTimeOffset.UnixEpoch), Is.Zero);

    [Test]
    public async Task Query_filters_and_pages_newest_first()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await Database.Audit.AppendAsync(Entry($"r{i}") with { Actor = i % 2 == 0 ? "even@example.com" : "odd@example.com", OccurredAt = start.AddHours(i) });
        }

        var page = await Database.Audit.QueryAsync(new AuditFilter(Actor: "even@example.com"), 1, 2);
        var window = await Database.Audit.QueryAsync(new AuditFilter(From: start.AddHours(1), To: start.AddHours(3)), 0, 10);
        var byResource = await Database.Audit.QueryAsync(new AuditFilter(ResourceType: "review", ResourceId: "r5"), 0, 10);
        var streamed = await Database.Audit.StreamAsync(new AuditFilter(Actor: "odd@example.com")).Select(e => e.ResourceId).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(3));
            Assert.That(page.Events.Select(e => e.ResourceId), Is.EqualTo(new[] { "r2", "r0" }));
            Assert.That(window.Events.Select(e => e.ResourceId), Is.EqualTo(new[] { "r2", "r1" }));
            Assert.That(byResource.Events.Single().Sequence, Is.EqualTo(6));
            Assert.That(streamed, Is.EqualTo(new[] { "r1", "r3", "r5" }));
        });
    }

    private async Task<List<AuditEvent>> AppendAsync(int count)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await Database.Audit.AppendAsync(Entry($"r{i}")));
        }
        return events;
    }

    // Someone with direct database access can drop the guards; the chain must still tell.
    private Task TamperAsync(string sql) =>
        Database.ExecuteSqlAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; " + sql);

    private static AuditEntry Entry(string resourceId) => TestData.AuditEntry(resourceId);
}
