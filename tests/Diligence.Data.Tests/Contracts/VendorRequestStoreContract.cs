using Diligence.Core.Vendors;

namespace Diligence.Data.Tests.Contracts;

/// <summary>What every <see cref="IVendorRequestStore"/> must do: one request per review, replaced when asked again.</summary>
public abstract class VendorRequestStoreContract : StoreContract
{
    [Test]
    public async Task A_saved_request_reads_back_and_a_second_save_replaces_it()
    {
        var review = await SeedReviewAsync();
        var first = new VendorRequest(review.Id, review.VendorId, ["access.mfa", "data.encryption"], new DateOnly(2026, 12, 1), TestData.Now);
        var second = first with { Keys = ["incident.contact"], DueOn = new DateOnly(2026, 12, 24), RequestedAt = TestData.Now.AddDays(1) };

        await Database.VendorRequests.SaveAsync(first);
        var afterFirst = await Database.VendorRequests.GetAsync(review.Id);
        await Database.VendorRequests.SaveAsync(second);
        var afterSecond = await Database.VendorRequests.GetAsync(review.Id);

        Assert.That((afterFirst!.Keys, afterFirst.DueOn, afterFirst.RequestedAt), Is.EqualTo((first.Keys, first.DueOn, first.RequestedAt)));
        Assert.That((afterSecond!.Keys, afterSecond.DueOn, afterSecond.RequestedAt), Is.EqualTo((second.Keys, second.DueOn, second.RequestedAt)));
        Assert.That(await Database.VendorRequests.GetAsync(Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task A_vendors_requests_are_listed_newest_first()
    {
        var older = await SeedReviewAsync();
        var newer = await SeedReviewAsync();
        await Database.VendorRequests.SaveAsync(new VendorRequest(older.Id, older.VendorId, ["a"], new DateOnly(2026, 12, 1), TestData.Now));
        await Database.VendorRequests.SaveAsync(new VendorRequest(newer.Id, older.VendorId, ["b"], new DateOnly(2026, 12, 1), TestData.Now.AddHours(1)));

        var listed = await Database.VendorRequests.ListAsync(older.VendorId);

        Assert.That(listed.Select(r => r.ReviewId), Is.EqualTo(new[] { newer.Id, older.Id }));
        Assert.That(await Database.VendorRequests.ListAsync(newer.VendorId), Is.Empty);
    }
}
