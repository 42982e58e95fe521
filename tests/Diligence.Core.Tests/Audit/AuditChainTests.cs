using System.Security.Cryptography;
using System.Text;
using Diligence.Core.Audit;

namespace Diligence.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly AuditKey Key = new(KeyBytes);

    private static readonly AuditEntry Entry = new(
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567), "ané@example.com", "Admin",
        AuditActions.UserRoleChanged, "user", "42", "role=Reviewer", null, "10.0.0.1", "req:1");

    // Each field as UTF-8 byte length, ':', the bytes, '\n'; a missing one as "-\n"; the time in UTC with 7 decimals.
    private static readonly string Canonical =
        $"64:{AuditCheckpoint.Genesis.Hash}\n1:7\n28:2026-01-02T01:04:05.1234567Z\n16:ané@example.com\n5:Admin\n" +
        "17:user.role-changed\n4:user\n2:42\n13:role=Reviewer\n-\n8:10.0.0.1\n5:req:1\n";

    [Test]
    public void The_hash_is_hmac_sha256_with_the_key_over_the_documented_canonical_form()
    {
        var sealedEvent = AuditChain.Seal(Key, 7, AuditCheckpoint.Genesis.Hash, Entry);

        Assert.That(sealedEvent.Hash, Is.EqualTo(Convert.ToHexStringLower(HMACSHA256.HashData(KeyBytes, Encoding.UTF8.GetBytes(Canonical)))));
    }

    [Test]
    public void Without_a_key_the_hash_is_the_sha256_of_events_written_before_keys()
    {
        var sealedEvent = AuditChain.Seal(Key, 7, AuditCheckpoint.Genesis.Hash, Entry);

        Assert.That(AuditChain.HashOf(sealedEvent, key: null),
            Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical)))));
    }

    [Test]
    public void A_null_and_an_empty_value_hash_differently() =>
        Assert.That(AuditChain.Seal(Key, 1, AuditCheckpoint.Genesis.Hash, Entry with { After = "" }).Hash,
            Is.Not.EqualTo(AuditChain.Seal(Key, 1, AuditCheckpoint.Genesis.Hash, Entry).Hash));

    [Test]
    public void A_key_shorter_than_32_bytes_is_refused() =>
        Assert.That(() => new AuditKey(new byte[31]), Throws.ArgumentException.With.Message.StartsWith(
            "An audit key must be at least 32 bytes; this one is 31."));

    [Test]
    public void The_key_never_shows_in_text() =>
        Assert.That(Key.ToString(), Is.EqualTo("AuditKey(hidden)"));

    [Test]
    public void Verify_reports_the_first_broken_link()
    {
        var events = Chain(4);
        var head = Head(events);

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.Verify(events, Key, AuditCheckpoint.Genesis, head).ToString(), Is.EqualTo("audit chain ok: 4 events"));
            Assert.That(AuditChain.Verify(events.Select(e => e.Sequence == 2 ? e with { Actor = "x" } : e), Key, AuditCheckpoint.Genesis, head).BrokenAt, Is.EqualTo(2));
            Assert.That(AuditChain.Verify(events.Where(e => e.Sequence != 3), Key, AuditCheckpoint.Genesis, head).BrokenAt, Is.EqualTo(3));
            Assert.That(AuditChain.Verify(events.Take(3), Key, AuditCheckpoint.Genesis, head).ToString(),
                Is.EqualTo("audit chain broken at event #4: event is missing (events up to #4 were written)"));
            Assert.That(AuditChain.Verify(events.Skip(2), Key, AuditCheckpoint.Signed(Key, 2, events[1].Hash), head).IsIntact, Is.True);
        });
    }

    [Test]
    public void The_newest_event_replaced_under_its_number_is_caught_by_the_signed_head()
    {
        var events = Chain(3);
        var replacement = AuditChain.Seal(Key, 3, events[1].Hash, Entry with { Actor = "mallory@example.com" });

        Assert.That(AuditChain.Verify([.. events.Take(2), replacement], Key, AuditCheckpoint.Genesis, Head(events)).ToString(),
            Is.EqualTo("audit chain broken at event #3: event was replaced (the signed audit head holds another hash)"));
    }

    [Test]
    public void A_head_lowered_without_the_key_is_refused()
    {
        var events = Chain(4);
        var lowered = Head(events) with { Sequence = 2, Hash = events[1].Hash };

        Assert.That(AuditChain.Verify(events.Take(2), Key, AuditCheckpoint.Genesis, lowered).ToString(),
            Is.EqualTo("audit chain broken at event #2: the audit head is not signed with this audit key"));
    }

    [Test]
    public void Checkpoints_must_be_signed_with_the_key_and_never_cover_the_newest_event()
    {
        var events = Chain(4);
        var head = Head(events);

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.Verify(events.Skip(2), Key, new AuditCheckpoint(2, events[1].Hash), head).ToString(),
                Is.EqualTo("audit chain broken at event #2: its retention checkpoint is not signed"));
            Assert.That(AuditChain.Verify(events.Skip(2), Key, AuditCheckpoint.Signed(AuditKey.Generate(), 2, events[1].Hash), head).ToString(),
                Is.EqualTo("audit chain broken at event #2: its retention checkpoint is not signed with this audit key"));
            Assert.That(AuditChain.Verify([], Key, AuditCheckpoint.Signed(Key, 4, events[3].Hash), head).ToString(),
                Is.EqualTo("audit chain broken at event #4: its retention checkpoint covers the newest event (#4), which retention always keeps"));
        });
    }

    [Test]
    public void Events_up_to_where_the_chain_became_keyed_are_checked_with_sha256_and_must_end_in_the_signed_hash()
    {
        var unkeyed = UnkeyedChain(2);
        var keyedHead = AuditHead.Keyed(Key, 2, unkeyed[1].Hash);
        var next = AuditChain.Seal(Key, 3, unkeyed[1].Hash, Entry);
        var head = keyedHead.After(Key, next);
        var rewritten = unkeyed[1] with { Actor = "mallory" };
        rewritten = rewritten with { Hash = AuditChain.HashOf(rewritten, key: null) };

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.Verify([.. unkeyed, next], Key, AuditCheckpoint.Genesis, head).ToString(), Is.EqualTo("audit chain ok: 3 events"));
            Assert.That(AuditChain.Verify([unkeyed[0], rewritten], Key, AuditCheckpoint.Genesis, keyedHead with { Hash = rewritten.Hash, Signature = AuditHead.SignHead(Key, 2, rewritten.Hash) }).ToString(),
                Is.EqualTo("audit chain broken at event #2: event was replaced (the signed record of where the chain became keyed holds another hash)"));
            Assert.That(AuditChain.Verify([.. unkeyed, next], Key, AuditCheckpoint.Genesis, head with { KeyedFrom = 3 }).ToString(),
                Is.EqualTo("audit chain broken at event #4: the record of where the chain became keyed is not signed with this audit key"));
        });
    }

    [Test]
    public void A_log_with_events_and_no_head_is_refused_and_an_empty_one_is_intact()
    {
        Assert.That(AuditChain.Verify(Chain(1), Key, AuditCheckpoint.Genesis, head: null).ToString(),
            Is.EqualTo("audit chain broken at event #1: the signed audit head is missing, though events were written"));
        Assert.That(AuditChain.Verify([], Key, AuditCheckpoint.Genesis, head: null).ToString(), Is.EqualTo("audit chain ok: 0 events"));
    }

    [Test]
    public void Before_keys_a_witness_catches_the_newest_event_removed_or_replaced_under_its_number()
    {
        var events = UnkeyedChain(3);
        var witness = new AuditWitness(3, events[2].Hash);
        var replacement = events[2] with { Actor = "mallory@example.com" };
        replacement = replacement with { Hash = AuditChain.HashOf(replacement, key: null) };

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.VerifyUnkeyed(events, AuditCheckpoint.Genesis, witness: witness).IsIntact, Is.True);
            Assert.That(AuditChain.VerifyUnkeyed(events.Take(2), AuditCheckpoint.Genesis, witness: witness).ToString(),
                Is.EqualTo("audit chain broken at event #3: event is missing (events up to #3 were written)"));
            Assert.That(AuditChain.VerifyUnkeyed([.. events.Take(2), replacement], AuditCheckpoint.Genesis, witness: witness).ToString(),
                Is.EqualTo("audit chain broken at event #3: event was replaced (the record written with it holds another hash)"));
        });
    }

    [Test]
    public void An_anchor_line_round_trips_and_is_signed()
    {
        var anchor = AuditAnchor.Signed(Key, 12, new string('a', 64), new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.FromHours(1)));
        var parsed = AuditAnchor.Parse(anchor.ToLine());

        Assert.Multiple(() =>
        {
            Assert.That(anchor.ToLine(), Does.StartWith($"12 {new string('a', 64)} 2026-12-08T02:00:00.0000000Z "));
            Assert.That(parsed, Is.EqualTo(anchor));
            Assert.That(parsed!.IsSignedWith(Key), Is.True);
            Assert.That((parsed with { Sequence = 11 }).IsSignedWith(Key), Is.False);
            Assert.That(AuditAnchor.Parse("12 abc"), Is.Null);
        });
    }

    [Test]
    public void An_anchor_mismatch_says_what_the_database_holds_instead()
    {
        var anchor = AuditAnchor.Signed(Key, 5, "h5", DateTimeOffset.UnixEpoch);
        var start = AuditCheckpoint.Signed(Key, 2, "h2");

        Assert.Multiple(() =>
        {
            Assert.That(anchor.Mismatch("h5", start, 7), Is.Null);
            Assert.That(anchor.Mismatch("other", start, 7), Is.EqualTo("event #5 holds another hash"));
            Assert.That(anchor.Mismatch(null, start, 3), Is.EqualTo("event #5 is gone (the log now ends at #3)"));
            Assert.That(anchor.Mismatch(null, start, 7), Is.EqualTo("event #5 is missing"));
            Assert.That(anchor.Mismatch(null, AuditCheckpoint.Signed(Key, 6, "h6"), 7), Is.Null, "pruned by retention");
            Assert.That(anchor.Mismatch(null, AuditCheckpoint.Signed(Key, 5, "x"), 7), Is.EqualTo("event #5 holds another hash"));
        });
    }

    private static AuditHead Head(List<AuditEvent> events) =>
        AuditHead.Empty(Key, AuditCheckpoint.Genesis).After(Key, events[^1]);

    private static List<AuditEvent> Chain(int count)
    {
        var events = new List<AuditEvent>();
        var previous = AuditCheckpoint.Genesis.Hash;
        for (var i = 1; i <= count; i++)
        {
            events.Add(AuditChain.Seal(Key, i, previous, Entry));
            previous = events[^1].Hash;
        }
        return events;
    }

    // As written before audit keys: plain SHA-256.
    private static List<AuditEvent> UnkeyedChain(int count)
    {
        var events = new List<AuditEvent>();
        var previous = AuditCheckpoint.Genesis.Hash;
        for (var i = 1; i <= count; i++)
        {
            var e = AuditChain.Seal(Key, i, previous, Entry);
            events.Add(e with { Hash = AuditChain.HashOf(e, key: null) });
            previous = events[^1].Hash;
        }
        return events;
    }
}
