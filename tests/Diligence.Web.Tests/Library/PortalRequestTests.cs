using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>The portal lists what open reviews ask of the vendor, naming the organization and the reviewer who asks.</summary>
public sealed class PortalRequestTests
{
    [Test]
    public async Task Only_open_requests_are_listed_each_naming_the_organization_and_the_reviewer_who_asks()
    {
        using var app = new TestApp(new Dictionary<string, string> { ["Organization:Name"] = "Northwind Traders" });
        var vendor = await app.FindAsync("Astralog");
        var (reviewer, owner) = await app.SignInAsAsync(Role.Reviewer);
        var open = await AwaitingVendorAsync(app, reviewer, vendor.Id);
        var decided = await AwaitingVendorAsync(app, reviewer, vendor.Id);
        await DecideAsync(app, decided);
        var (client, _) = await app.SignInAsAsync(Role.Vendor, vendor.Id);

        var portal = await client.GetStringAsync("/portal");
        var asked = await client.GetStringAsync($"/portal/requests/{open}");
        var closed = await client.GetAsync($"/portal/requests/{decided}");

        Assert.That(portal, Does.Contain($"/portal/requests/{open}"));
        Assert.That(portal, Does.Not.Contain($"/portal/requests/{decided}"), "a decided review asks nothing any more");
        Assert.That(portal, Does.Contain($"from Northwind Traders, asked by {owner.DisplayName}"));
        Assert.That(asked, Does.Contain($"<p>Northwind Traders is reviewing {vendor.Name}; {owner.DisplayName} asks for these answers."));
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Without_an_organization_name_the_request_is_from_your_customer()
    {
        using var app = new TestApp();
        var vendor = await app.FindAsync("Astralog");
        var (reviewer, owner) = await app.SignInAsAsync(Role.Reviewer);
        await AwaitingVendorAsync(app, reviewer, vendor.Id);
        var (client, _) = await app.SignInAsAsync(Role.Vendor, vendor.Id);

        var portal = await client.GetStringAsync("/portal");

        Assert.That(portal, Does.Contain($"from your customer, asked by {owner.DisplayName}"));
    }

    private static async Task<Guid> AwaitingVendorAsync(TestApp app, HttpClient reviewer, Guid vendorId)
    {
        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendorId.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        var reviewId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        await app.MoveToAwaitingVendorAsync(reviewId);
        return reviewId;
    }

    private static async Task DecideAsync(TestApp app, Guid reviewId)
    {
        var store = app.Get<IReviewStore>();
        foreach (var status in new[] { ReviewStatus.InReview, ReviewStatus.ReadyForCommittee, ReviewStatus.Decided })
        {
            var review = (await store.GetAsync(reviewId))!;
            var decided = status == ReviewStatus.Decided;
            await store.UpdateAsync(review with
            {
                Status = status,
                Decision = decided ? Decision.Approve : null,
                DecisionRationale = decided ? "Meets the bar." : null,
            }, review.Version);
        }
    }
}
