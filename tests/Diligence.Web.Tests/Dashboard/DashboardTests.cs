using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Reviews;

namespace Diligence.Web.Tests.Dashboard;

/// <summary>The dashboard at <c>/</c>: every review with its progress and open findings, filtered by status.</summary>
public sealed class DashboardTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private static Finding NewFinding(Guid reviewId, string severity, FindingStatus status = FindingStatus.Open) =>
        new(Guid.NewGuid(), reviewId, FindingSource.Manual, null, severity, "Finding", null, status, false,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1);

    private static string RowOf(string page, Guid reviewId)
    {
        var start = page.IndexOf($"data-review=\"{reviewId}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the review's row");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Test]
    public async Task A_review_shows_its_vendor_questionnaire_owner_progress_and_open_findings_and_links_to_its_overview()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var vendor = (await _app.Get<IVendorStore>().GetAsync(review.VendorId))!;
        await _app.AnswerAsync(review.Id, ReviewBuilder.EncryptionKey, "yes", _reviewerUser.Id);
        var findings = _app.Get<IFindingStore>();
        await findings.AddAsync(NewFinding(review.Id, "high"));
        await findings.AddAsync(NewFinding(review.Id, "high"));
        await findings.AddAsync(NewFinding(review.Id, "low", FindingStatus.Remediated));

        var row = RowOf(await _reviewer.GetStringAsync("/"), review.Id);

        Assert.That(row, Does.Contain($"<a href=\"/reviews/{review.Id}\">{ReviewBuilder.Html($"{vendor.Name} · Cloud")}</a>"));
        Assert.That(row, Does.Contain("pages-test 1.0.0"));
        Assert.That(row, Does.Contain("In review"));
        Assert.That(row, Does.Contain(_reviewerUser.DisplayName));
        Assert.That(row, Does.Contain("<progress value=\"1\" max=\"3\"").And.Contain("1/3"));
        Assert.That(row, Does.Contain("2 high"), "open findings of one severity are counted together");
        Assert.That(row, Does.Not.Contain("low"), "a remediated finding is not open");
    }

    [Test]
    public async Task Filtering_by_status_shows_only_the_reviews_in_that_status()
    {
        var inReview = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var draft = await _app.AddReviewAsync(_reviewerUser.Id);

        var page = await _reviewer.GetStringAsync("/?status=InReview");

        Assert.That(page, Does.Contain($"data-review=\"{inReview.Id}\""));
        Assert.That(page, Does.Not.Contain($"data-review=\"{draft.Id}\""));
        Assert.That(page, Does.Contain("<option value=\"InReview\" selected=\"selected\">In review</option>"));
    }

    [Test]
    public async Task An_unknown_status_in_the_filter_shows_every_review()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);

        var response = await _reviewer.GetAsync("/?status=Bogus");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"data-review=\"{review.Id}\""));
    }

    [Test]
    public async Task A_reviewer_is_offered_a_new_review()
    {
        Assert.That(await _reviewer.GetStringAsync("/"), Does.Contain("href=\"/reviews/new\""));
    }

    [Test]
    public async Task Procurement_reads_the_dashboard_but_is_not_offered_a_new_review()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);
        var (procurement, _) = await _app.SignInAsAsync(Role.Procurement);

        var page = await procurement.GetStringAsync("/");

        Assert.That(page, Does.Contain($"data-review=\"{review.Id}\""));
        Assert.That(page, Does.Not.Contain("href=\"/reviews/new\""));
    }

    [Test]
    public async Task A_vendor_user_is_sent_to_the_portal()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        var response = await client.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/portal"));
    }

    [Test]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await _app.Client().GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/sign-in"));
    }
}
