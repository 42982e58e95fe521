using Diligence.Core.Exports;

namespace Diligence.Data.Tests.Contracts;

/// <summary>
/// What every <see cref="IExportStore"/> must do: a durable queue whose entries one node at a time claims with a lease,
/// and whose result counts only from the node holding the claim.
/// </summary>
public abstract class ExportStoreContract : StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x00, 0xFF];

    /// <summary>The export store over <see cref="StoreContract.Database"/>.</summary>
    protected abstract IExportStore Exports { get; }

    [Test]
    public async Task A_created_export_is_a_fresh_queue_entry_whatever_the_record_says()
    {
        var export = await QueueAsync();
        var stale = export with { Id = Guid.NewGuid(), State = ExportState.Ready, Owner = "node-a", Attempts = 3, Sha256 = "ab", PageCount = 2 };
        await Exports.CreateAsync(stale);

        Assert.That(await Exports.GetAsync(export.Id), Is.EqualTo(export));
        Assert.That(await Exports.GetAsync(stale.Id), Is.EqualTo(stale with
        {
            State = ExportState.Queued, Owner = null, Attempts = 0, Sha256 = null, PageCount = null,
        }));
        Assert.That(await Exports.GetAsync(Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task A_reviews_exports_are_listed_newest_first()
    {
        var older = await QueueAsync(requestedAt: Start);
        var newer = await QueueAsync(older.ReviewId, requestedAt: Start.AddMinutes(1));

        var listed = await Exports.ListForReviewAsync(older.ReviewId);

        Assert.That(listed.Select(e => e.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
        Assert.That(await Exports.ListForReviewAsync(Guid.NewGuid()), Is.Empty);
    }

    [Test]
    public async Task Claimable_exports_are_the_queued_and_the_expired_leases_oldest_first()
    {
        var first = await QueueAsync(requestedAt: Start);
        var second = await QueueAsync(first.ReviewId, requestedAt: Start.AddMinutes(1));
        var leased = await QueueAsync(first.ReviewId, requestedAt: Start.AddMinutes(2));
        var expired = await QueueAsync(first.ReviewId, requestedAt: Start.AddMinutes(3));
        var done = await QueueAsync(first.ReviewId, requestedAt: Start.AddMinutes(4));
        await Exports.TryClaimAsync(leased.Id, "node-a", Start, Start.AddMinutes(30));
        await Exports.TryClaimAsync(expired.Id, "node-a", Start, Start.AddMinutes(5));
        await Exports.TryClaimAsync(done.Id, "node-a", Start, Start.AddMinutes(5));
        await Exports.CompleteAsync(done.Id, "node-a", Pdf, "00", 1, Start.AddMinutes(1));

        var now = Start.AddMinutes(10);

        Assert.That(await Exports.ListClaimableAsync(now, 10), Is.EqualTo(new[] { first.Id, second.Id, expired.Id }));
        Assert.That(await Exports.ListClaimableAsync(now, 2), Is.EqualTo(new[] { first.Id, second.Id }));
    }

    [Test]
    public async Task Of_many_concurrent_claims_exactly_one_wins()
    {
        var export = await QueueAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            Task.Run(() => Exports.TryClaimAsync(export.Id, $"node-{n}", Start, Start.AddMinutes(5)))));

        var stored = await Exports.GetAsync(export.Id);
        Assert.That(claims.Count(c => c), Is.EqualTo(1));
        Assert.That((stored!.State, stored.Owner, stored.LeaseUntil, stored.Attempts),
            Is.EqualTo((ExportState.Rendering, $"node-{Array.IndexOf(claims, true)}", (DateTimeOffset?)Start.AddMinutes(5), 1)));
    }

    [Test]
    public async Task A_lease_that_ran_out_is_claimed_again_and_the_first_owner_can_no_longer_finish()
    {
        var export = await QueueAsync();
        await Exports.TryClaimAsync(export.Id, "node-a", Start, Start.AddMinutes(5));

        var whileHeld = await Exports.TryClaimAsync(export.Id, "node-b", Start.AddMinutes(4), Start.AddMinutes(9));
        var afterExpiry = await Exports.TryClaimAsync(export.Id, "node-b", Start.AddMinutes(6), Start.AddMinutes(11));
        var lateCompletion = await Exports.CompleteAsync(export.Id, "node-a", Pdf, "aa", 1, Start.AddMinutes(7));
        var lateFailure = await Exports.FailAsync(export.Id, "node-a", "crashed", Start.AddMinutes(7));

        var stored = await Exports.GetAsync(export.Id);
        Assert.That((whileHeld, afterExpiry, lateCompletion, lateFailure), Is.EqualTo((false, true, false, false)));
        Assert.That((stored!.State, stored.Owner, stored.Attempts), Is.EqualTo((ExportState.Rendering, "node-b", 2)));
    }

    [Test]
    public async Task Completing_stores_the_pdf_with_its_hash_pages_and_size()
    {
        var export = await QueueAsync();
        await Exports.TryClaimAsync(export.Id, "node-a", Start, Start.AddMinutes(5));
        var beforeReady = await Exports.ReadPdfAsync(export.Id);

        var completed = await Exports.CompleteAsync(export.Id, "node-a", Pdf, "9f86d081", 3, Start.AddMinutes(1));

        var stored = await Exports.GetAsync(export.Id);
        Assert.That(completed, Is.True);
        Assert.That(beforeReady, Is.Null);
        Assert.That(await Exports.ReadPdfAsync(export.Id), Is.EqualTo(Pdf));
        Assert.That((stored!.State, stored.Sha256, stored.PageCount, stored.SizeBytes, stored.FinishedAt, stored.LeaseUntil),
            Is.EqualTo((ExportState.Ready, "9f86d081", (int?)3, (long?)Pdf.Length, (DateTimeOffset?)Start.AddMinutes(1), (DateTimeOffset?)null)));
        Assert.That(await Exports.TryClaimAsync(export.Id, "node-b", Start.AddDays(1), Start.AddDays(2)), Is.False);
        Assert.That(await Exports.ReadPdfAsync(Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task A_failed_export_keeps_its_error_until_a_retry_queues_it_again()
    {
        var export = await QueueAsync();
        await Exports.TryClaimAsync(export.Id, "node-a", Start, Start.AddMinutes(5));
        var retryWhileRendering = await Exports.RetryAsync(export.Id);

        var failed = await Exports.FailAsync(export.Id, "node-a", "The write-up could not be rendered.", Start.AddMinutes(1));
        var afterFailure = await Exports.GetAsync(export.Id);
        var retried = await Exports.RetryAsync(export.Id);
        var afterRetry = await Exports.GetAsync(export.Id);

        Assert.That((retryWhileRendering, failed, retried), Is.EqualTo((false, true, true)));
        Assert.That((afterFailure!.State, afterFailure.Error), Is.EqualTo((ExportState.Failed, "The write-up could not be rendered.")));
        Assert.That((afterRetry!.State, afterRetry.Owner, afterRetry.Error, afterRetry.Attempts),
            Is.EqualTo((ExportState.Queued, (string?)null, (string?)null, 1)));
        Assert.That(await Exports.ListClaimableAsync(Start.AddMinutes(2), 10), Is.EqualTo(new[] { export.Id }));
    }

    private async Task<Export> QueueAsync(Guid? reviewId = null, DateTimeOffset? requestedAt = null)
    {
        var review = reviewId ?? (await SeedReviewAsync()).Id;
        var requester = await SeedUserAsync();
        var export = new Export
        {
            Id = Guid.NewGuid(),
            ReviewId = review,
            RequestedBy = requester.Id,
            RequestedAt = requestedAt ?? Start,
            Paper = "A4",
            FileName = "Astronomer - Astro - security write-up - 2026-11-23.pdf",
        };
        await Exports.CreateAsync(export);
        return export;
    }
}
