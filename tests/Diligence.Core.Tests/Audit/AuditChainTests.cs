using System.Security.Cryptography;
using System.Text;
using Diligence.Core.Audit;

namespace Diligence.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly AuditEntry Entry = new(
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567), "ané@example.com", "Admin",
        AuditActions.UserRoleChanged, "user", "42", "role=Reviewer", null, "10.0.0.1", "req:1");

    [Test]
    public void The_hash_is_sha256_over_the_documented_canonical_form()
    {
        var sealedEvent = AuditChain.Seal(7, AuditCheckpoint.Genesis.Hash, Entry);

        // Each field as UTF-8 byte length, ':', the bytes, '\n'; a missing one as "-\n"; the time in UTC with 7 decimals.
        var canonical = $"64:{AuditCheckpoint.Genesis.Hash}\n1:7\n28:2026-01-02T01:04:05.1234567Z\n16:ané@example.com\n5:Admin\n" +
            "17:user.role-changed\n4:user\n2:42\n13:role=Reviewer\n-\n8:10.0.0.1\n5:req:1\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        Assert.That(sealedEvent.Hash, Is.EqualTo(expected));
    }

    [Test]
    public void A_null_and_an_empty_value_hash_differently() =>
        Assert.That(AuditChain.Seal(1, AuditCheckpoint.Genesis.Hash, Entry with { After = "" }).Hash,
            Is.Not.EqualTo(AuditChain.Seal(1, AuditCheckpoint.Genesis.Hash, Entry).Hash));

    [Test]
    public void Verify_reports_the_first_broken_link()
    {
        var events = Chain(4);

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.Verify(events, AuditCheckpoint.Genesis).ToString(), Is.EqualTo("audit chain ok: 4 events"));
            Assert.That(AuditChain.Verify(events.Select(e => e.Sequence == 2 ? e with { Actor = "x" } : e), AuditCheckpoint.Genesis).BrokenAt, Is.EqualTo(2));
            Assert.That(AuditChain.Verify(events.Where(e => e.Sequence != 3), AuditCheckpoint.Genesis).BrokenAt, Is.EqualTo(3));
            Assert.That(AuditChain.Verify(events.Take(3), AuditCheckpoint.Genesis, lastIssued: 4).BrokenAt, Is.EqualTo(4));
            Assert.That(AuditChain.Verify(events.Skip(2), new AuditCheckpoint(2, events[1].Hash)).IsIntact, Is.True);
        });
    }

    [Test]
    public void A_witness_catches_the_newest_event_removed_or_replaced_under_its_number()
    {
        var events = Chain(3);
        var witness = new AuditWitness(3, events[2].Hash);
        var replacement = AuditChain.Seal(3, events[1].Hash, Entry with { Actor = "mallory@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.Verify(events, AuditCheckpoint.Genesis, witness: witness).IsIntact, Is.True);
            Assert.That(AuditChain.Verify(events.Take(2), AuditCheckpoint.Genesis, witness: witness).ToString(),
                Is.EqualTo("audit chain broken at event #3: event is missing (events up to #3 were written)"));
            Assert.That(AuditChain.Verify([.. events.Take(2), replacement], AuditCheckpoint.Genesis, witness: witness).ToString(),
                Is.EqualTo("audit chain broken at event #3: event was replaced (the record written with it holds another hash)"));
            Assert.That(AuditChain.Verify([.. events.Take(2), replacement], AuditCheckpoint.Genesis).IsIntact, Is.True,
                "without the witness the replaced event chains correctly: that is why the hash is recorded");
        });
    }

    private static List<AuditEvent> Chain(int count)
    {
        var events = new List<AuditEvent>();
        var previous = AuditCheckpoint.Genesis.Hash;
        for (var i = 1; i <= count; i++)
        {
            events.Add(AuditChain.Seal(i, previous, Entry));
            previous = events[^1].Hash;
        }
        return events;
    }
}
