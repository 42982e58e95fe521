using System.Security.Cryptography;
using Diligence.Core.Audit;
using Diligence.Core.Exports;

namespace Diligence.Data.Tests.Contracts;

/// <summary>What every <see cref="IExportStore"/> must do: a durable queue with a database lease, and immutable results.</summary>
public abstract class ExportStoreContract : StoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Test]
    public async Task A_created_export_is_queued_and_listed_newest_first()
    {
        var review = await SeedReviewAsync();
        var first = await CreateAsync(review.Id, review.OwnerId, At);
        var second = await CreateAsync(review.Id, review.OwnerId, At.AddMinutes(1));

        var stored = await Database.Exports.GetAsync(first.Id);

        Assert.That(stored, Is.EqualTo(first with { State = ExportState.Queued, Attempts = 0 }));
        Assert.That((await Database.Exports.ListForReviewAsync(review.Id)).Select(e => e.Id), Is.EqualTo(new[] { second.Id, first.Id }));
        Assert.That(await Database.Exports.ListForReviewAsync(Guid.NewGuid()), Is.Empty);
        Assert.That(await Database.Exports.GetAsync(Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task Claimable_exports_are_the_queued_ones_oldest_first_up_to_the_limit()
    {
        var review = await SeedReviewAsync();
        var older = await CreateAsync(review.Id, review.OwnerId, At);
        var newer = await CreateAsync(review.Id, review.OwnerId, At.AddSeconds(1));
        var newest = await CreateAsync(review.Id, review.OwnerId, At.AddSeconds(2));
        await Database.Exports.TryClaimAsync(newer.Id, "node-a", At, At + Lease);

        Assert.That(await Database.Exports.ListClaimableAsync(At, 10), Is.EqualTo(new[] { older.Id, newest.Id }));
        Assert.That(await Database.Exports.ListClaimableAsync(At, 1), Is.EqualTo(new[] { older.Id }));
    }

    [Test]
    public async Task A_claim_moves_it_to_rendering_with_its_owner_lease_and_attempt()
    {
        var review = await SeedReviewAsync();
        var export = await CreateAsync(review.Id, review.OwnerId, At);

        var claimed = await Database.Exports.TryClaimAsync(export.Id, "node-a", At, At + Lease);
        var again = await Database.Exports.TryClaimAsync(export.Id, "node-b", At.AddSeconds(5), At.AddSeconds(5) + Lease);

        Assert.That((claimed, again), Is.EqualTo((true, false)));
        var stored = await Database.Exports.GetAsync(export.Id);
        Assert.That((stored!.State, stored.Owner, stored.LeaseUntil, stored.Attempts),
            Is.EqualTo((ExportState.Rendering, "node-a", (DateTimeOffset?)(At + Lease), 1)));
        Assert.That(await Database.Exports.TryClaimAsync(Guid.NewGuid(), "node-a", At, At + Lease), Is.False);
    }

    [Test]
    public async Task Of_two_concurrent_claims_exactly_one_wins()
    {
        var review = await SeedReviewAsync();
        for (var round = 0; round < 10; round++)
        {
            var export = await CreateAsync(review.Id, review.OwnerId, At.AddSeconds(round));
            using var start = new Barrier(2);
            var claims = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return Database.Exports.TryClaimAsync(export.Id, "node-a", At, At + Lease); }),
                Task.Run(() => { start.SignalAndWait(); return Database.Exports.TryClaimAsync(export.Id, "node-b", At, At + Lease); }));

            Assert.That(claims.Count(c => c), Is.EqualTo(1), $"round {round}");
            var stored = await Database.Exports.GetAsync(export.Id);
            Assert.That(stored!.Owner, Is.EqualTo(claims[0] ? "node-a" : "node-b"));
        }
    }

    [Test]
    public async Task An_expired_lease_lets_another_node_claim_it_again()
    {
        var review = await SeedReviewAsync();
        var export = await CreateAsync(review.Id, review.OwnerId, At);
        await Database.Exports.TryClaimAsync(export.Id, "node-a", At, At + Lease);
        var afterLease = At + Lease + TimeSpan.FromSeconds(1);

        Assert.That(await Database.Exports.ListClaimableAsync(At + Lease - TimeSpan.FromSeconds(1), 10), Is.Empty);
        Assert.That(await Database.Exports.ListClaimableAsync(afterLease, 10), Is.EqualTo(new[] { export.Id }));
        Assert.That(await Database.Exports.TryClaimAsync(export.Id, "node-b", afterLease, afterLease + Lease), Is.True);

        var stored = await Database.Exports.GetAsync(export.Id);
        Assert.That((stored!.Owner, stored.Attempts), Is.EqualTo(("node-b", 2)));
        Assert.That(await Database.Exports.CompleteAsync(export.Id, "node-a", [1], "00", 1, afterLease), Is.False,
            "the node that lost its lease may not complete");
    }

    [Test]
    public async Task Only_the_owner_completes_it_and_the_pdf_is_kept_byte_for_byte()
    {
        var review = await SeedReviewAsync();
        var export = await CreateAsync(review.Id, review.OwnerId, At);
        await Database.Exports.TryClaimAsync(export.Id, "node-a", At, At + Lease);
        var pdf = RandomNumberGenerator.GetBytes(200_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));

        Assert.That(await Database.Exports.ReadPdfAsync(export.Id), Is.Null, "not ready yet");
        Assert.That(await Database.Exports.CompleteAsync(export.Id, "node-b", pdf, sha, 7, At.AddSeconds(3)), Is.False);
        Assert.That(await Database.Exports.CompleteAsync(export.Id, "node-a", pdf, sha, 7, At.AddSeconds(3)), Is.True);
        Assert.That(await Database.Exports.CompleteAsync(export.Id, "node-a", pdf, sha, 7, At.AddSeconds(4)), Is.False, "a ready export never changes");

        var stored = await Database.Exports.GetAsync(export.Id);
        Assert.That((stored!.State, stored.Sha256, stored.PageCount, stored.SizeBytes, stored.FinishedAt),
            Is.EqualTo((ExportState.Ready, sha, (int?)7, (long?)pdf.Length, (DateTimeOffset?)At.AddSeconds(3))));
        Assert.That(await Database.Exports.ReadPdfAsync(export.Id), Is.EqualTo(pdf));
        Assert.That(await Database.Exports.ListClaimableAsync(At.AddHours(1), 10), Is.Empty);
        Assert.That(await Database.Exports.TryClaimAsync(export.Id, "node-b", At.AddHours(1), At.AddHours(2)), Is.False);
    }

    [Test]
    public async Task Only_the_owner_fails_it_and_a_retry_queues_it_again()
    {
        var review = await SeedReviewAsync();
        var export = await CreateAsync(review.Id, review.OwnerId, At);
        Assert.That(await Database.Exports.RetryAsync(export.Id), Is.False, "a queued export is not failed");
        await Database.Exports.TryClaimAsync(export.Id, "node-a", At, At + Lease);

        Assert.That(await Database.Exports.FailAsync(export.Id, "node-b", "Chromium was not found.", At.AddSeconds(1)), Is.False);
        Assert.That(await Database.Exports.FailAsync(export.Id, "node-a", "Chromium was not found.", At.AddSeconds(1)), Is.True);
        var failed = await Database.Exports.GetAsync(export.Id);
        Assert.That((failed!.State, failed.Error), Is.EqualTo((ExportState.Failed, "Chromium was not found.")));
        Assert.That(await Database.Exports.ListClaimableAsync(At.AddHours(1), 10), Is.Empty, "a failed export waits for a retry");

        Assert.That(await Database.Exports.RetryAsync(export.Id), Is.True);
        var queued = await Database.Exports.GetAsync(export.Id);
        Assert.That((queued!.State, queued.Error, queued.Owner, queued.Attempts), Is.EqualTo((ExportState.Queued, (string?)null, (string?)null, 1)));
        Assert.That(await Database.Exports.TryClaimAsync(export.Id, "node-b", At.AddSeconds(2), At.AddSeconds(2) + Lease), Is.True);
        Assert.That(await Database.Exports.CompleteAsync(export.Id, "node-b", [37], "ab", 1, At.AddSeconds(3)), Is.True);
        Assert.That((await Database.Exports.GetAsync(export.Id))!.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Requesting_or_retrying_given_an_audit_entry_appends_it_with_the_change_and_a_refused_retry_appends_nothing()
    {
        var review = await SeedReviewAsync();

        var export = await CreateAsync(review.Id, review.OwnerId, At, TestData.AuditEntry("requested"));
        var retriedQueued = await Database.Exports.RetryAsync(export.Id, TestData.AuditEntry("retry of a queued export"));
        await Database.Exports.TryClaimAsync(export.Id, "node-a", At, At + Lease);
        await Database.Exports.FailAsync(export.Id, "node-a", "Chromium was not found.", At.AddSeconds(1));
        var retriedFailed = await Database.Exports.RetryAsync(export.Id, TestData.AuditEntry("retried"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((retriedQueued, retriedFailed), Is.EqualTo((false, true)));
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "requested", "retried" }));
        }
    }

    [Test]
    public async Task Exports_survive_a_reopen()
    {
        var review = await SeedReviewAsync();
        var export = await CreateAsync(review.Id, review.OwnerId, At);

        Database.Reopen();

        Assert.That(await Database.Exports.ListClaimableAsync(At, 10), Is.EqualTo(new[] { export.Id }));
    }

    private async Task<Export> CreateAsync(Guid reviewId, Guid userId, DateTimeOffset at, AuditEntry? audit = null)
    {
        var export = new Export
        {
            Id = Guid.NewGuid(),
            ReviewId = reviewId,
            RequestedBy = userId,
            RequestedAt = at,
            Paper = "A4",
            FileName = "Astronomer - Astro - security write-up - 2026-11-23.pdf",
        };
        await Database.Exports.CreateAsync(export, audit);
        return export;
    }
}
