using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>"Awaiting vendor" asks the vendor in the portal; the reviewer sees per step what the vendor answered since.</summary>
public sealed class VendorRequestTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Awaiting_vendor_lists_the_unanswered_vendor_questions_with_a_due_date_and_shows_answers_since()
    {
        var vendor = await _app.FindAsync("Astralog");
        var (reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        var reviewId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);

        await _app.MoveToAwaitingVendorAsync(reviewId);

        var request = (await _app.Get<IVendorRequestStore>().GetAsync(reviewId))!;
        Assert.That(request.Keys, Does.Not.Contain("deployment.tenant-isolation"), "already answered by the library");
        Assert.That(request.Keys, Does.Not.Contain("workload.description"), "reviewer-only");
        Assert.That(request.DueOn, Is.EqualTo(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var portal = await client.GetStringAsync("/portal");
        Assert.That(portal, Does.Contain($"/portal/requests/{reviewId}").And.Contain($"{request.Keys.Count} questions, due {request.DueOn:yyyy-MM-dd}"));
        var asked = await client.GetStringAsync($"/portal/requests/{reviewId}");
        Assert.That(asked, Does.Contain("id=\"asked\""));

        var unanswered = request.Keys.First(k => k.StartsWith("deployment.", StringComparison.Ordinal));
        var before = await reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        Assert.That(before, Does.Not.Contain("id=\"answered-by-vendor\""));
        await _app.Get<ILibraryStore>().SaveAsync(vendor.Id, unanswered, "{\"value\":[\"hosted\"]}", 0, Guid.Empty, DateTimeOffset.UtcNow.AddSeconds(1));
        var after = await reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        Assert.That(after, Does.Contain("id=\"answered-by-vendor\""));
    }
}
