using System.Net;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Library;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Reviews;

/// <summary>The shipped questionnaire's pilot end is bounded by its start (<c>min: { item: pilot-start }</c>).</summary>
public sealed class DateBoundTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Saving_a_pilot_end_before_its_start_is_refused_beside_the_field_and_the_stored_end_is_kept()
    {
        var vendor = await _app.FindAsync("Astral");
        var created = await _reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        var reviewId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        var step = $"/reviews/{reviewId}/steps/pilot";
        await _reviewer.PostFormAsync(step, Fields(
            ("v.pilot-start", "0"), ("a.pilot-start", "2026-03-01"), ("v.pilot-end", "0"), ("a.pilot-end", "2026-03-31"), ("go", "stay")), step);

        var response = await _reviewer.PostFormAsync(step, Fields(("v.pilot-end", "1"), ("a.pilot-end", "2026-02-28"), ("go", "stay")), step);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\">{Html("Enter a date no earlier than 'Pilot start' (2026-03-01).")}</p>"));
        Assert.That(page, Does.Contain("value=\"2026-02-28\""), "the field keeps what was typed");
        var stored = await _app.Get<IAnswerStore>().GetAsync(reviewId, "pilot.end");
        Assert.That(stored?.ValueJson, Does.Contain("2026-03-31"));
    }
}
