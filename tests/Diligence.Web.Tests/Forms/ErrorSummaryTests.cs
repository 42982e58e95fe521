using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Forms;

/// <summary>
/// Every form that reports field errors opens with the same error summary: "There is a problem", above the form, and
/// one link per problem to its field's element.
/// </summary>
public sealed partial class ErrorSummaryTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
        (_admin, _) = await _app.SignInAsAsync(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    /// <summary>The page's error summary, which comes before the first form field; fails when there is none.</summary>
    private static string Summary(string page)
    {
        const string open = "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\" data-error-summary>";
        var start = page.IndexOf(open, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the page has an error summary");
        var summary = page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
        Assert.That(summary, Does.Contain("<h2 id=\"error-summary-title\">There is a problem</h2>"));
        Assert.That(page.IndexOf("<form method=\"post\" class=\"stack", StringComparison.Ordinal), Is.GreaterThan(start).Or.EqualTo(-1),
            "the summary comes before the form");
        return summary;
    }

    private static string[] Links(string summary) =>
        SummaryLink().Matches(summary).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToArray();

    private static string Link(string fieldId, string message) => $"#{fieldId} {Html(message)}";

    [Test]
    public async Task New_vendor()
    {
        var response = await _reviewer.PostFormAsync("/vendors/new", Fields(("Name", " "), ("Website", "www.example.com")));

        var summary = Summary(await response.Content.ReadAsStringAsync());
        Assert.That(Links(summary), Is.EqualTo(new[]
        {
            Link("f-name", VendorDirectory.NameMissing), Link("f-website", VendorDirectory.WebsiteInvalid),
        }));
        Assert.That(summary, Does.Contain("The vendor was not added; everything you entered is still there."));
    }

    [Test]
    public async Task New_review()
    {
        await _app.AddVendorAsync();
        await _app.PublishPagesQuestionnaireAsync();

        var response = await _reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", "")), "/reviews/new");

        Assert.That(Links(Summary(await response.Content.ReadAsStringAsync())), Does.Contain(Link("f-vendorid", NewReviewService.VendorMissing)));
    }

    [Test]
    public async Task Add_user()
    {
        var response = await _admin.PostFormAsync("/admin/users?handler=Create",
            Fields(("Email", "not-an-address"), ("DisplayName", "Someone"), ("Password", "short"), ("Role", "Reviewer")), "/admin/users");

        Assert.That(Links(Summary(await response.Content.ReadAsStringAsync())), Is.EqualTo(new[]
        {
            Link("f-email", "Enter an e-mail address like name@example.com."), Link("f-password", "Use at least 12 characters."),
        }));
    }

    [Test]
    public async Task Invitation()
    {
        var vendor = await _app.AddVendorAsync();
        var url = $"/vendors/{vendor.Id}/invitations";

        var response = await _reviewer.PostFormAsync(url, Fields(("Email", "nobody")), url);

        Assert.That(Links(Summary(await response.Content.ReadAsStringAsync())), Is.EqualTo(new[] { Link("f-email", InvitationService.EmailInvalid) }));
    }

    [Test]
    public async Task Invitation_accept()
    {
        var vendor = await _app.AddVendorAsync();
        var invite = await _reviewer.PostFormAsync($"/vendors/{vendor.Id}/invitations",
            Fields(("Email", $"c-{Guid.NewGuid():N}@vendor.example")), $"/vendors/{vendor.Id}/invitations");
        var link = InvitationLink.PathIn(await invite.Content.ReadAsStringAsync());

        var response = await _app.Client().PostFormAsync(link, Fields(("DisplayName", "Contact"), ("Password", "short")));

        Assert.That(Links(Summary(await response.Content.ReadAsStringAsync())), Is.EqualTo(new[] { Link("f-password", "Use at least 12 characters.") }));
    }

    [Test]
    public async Task Decision()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);
        var url = $"/reviews/{review.Id}";

        var response = await _reviewer.PostFormAsync($"{url}?handler=Move",
            Fields(("To", nameof(ReviewStatus.Decided)), ("Version", "1"), ("Rationale", " ")), url);

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(Links(Summary(page)), Is.EqualTo(new[]
        {
            Link("f-decision", ReviewLifecycleService.DecisionMissing), Link("f-rationale", ReviewLifecycleService.RationaleMissing),
        }));
        Assert.That(page, Does.Contain("<fieldset id=\"f-decision\""));
    }

    [Test]
    public async Task Findings_add_and_change()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var url = $"/reviews/{review.Id}/findings";
        var now = DateTimeOffset.UtcNow;
        var finding = new Finding(Guid.NewGuid(), review.Id, FindingSource.Manual, null, "medium", "Pen-test summary is missing.", null,
            FindingStatus.Open, false, now, now, 1);
        await _app.Get<IFindingStore>().AddAsync(finding);

        var add = await _reviewer.PostFormAsync($"{url}?handler=Add", Fields(("Severity", ""), ("Description", " ")), url);
        var change = await _reviewer.PostFormAsync($"{url}?handler=Change", Fields(
            ("FindingId", finding.Id.ToString()), ("Version", "1"), ("Status", nameof(FindingStatus.Open)), ("Owner", new string('x', 201))), url);

        Assert.That(Links(Summary(await add.Content.ReadAsStringAsync())), Is.EqualTo(new[]
        {
            Link("f-severity", FindingsService.SeverityMissing), Link("f-description", FindingsService.DescriptionMissing),
        }));
        Assert.That(Links(Summary(await change.Content.ReadAsStringAsync())), Is.EqualTo(new[]
        {
            Link($"owner-{finding.Id}", FindingsService.OwnerTooLong),
        }));
    }

    [Test]
    public async Task Step_without_javascript()
    {
        var review = await _app.CreateReviewAsync(_reviewerUser.Id);
        var url = $"/reviews/{review.Id}/steps/profile";

        var response = await _reviewer.PostFormAsync(url, Fields(("v.users", "0"), ("a.users", "lots"), ("go", "stay")));

        var summary = Summary(await response.Content.ReadAsStringAsync());
        Assert.That(Links(summary), Is.EqualTo(new[] { Link("f-a-users", "Enter a number, like 12 or 3.5.") }));
        Assert.That(summary, Does.Contain("1 answer was not saved. Everything you entered is still there."));
    }

    [Test]
    public async Task A_saved_step_says_how_many_answers_it_holds_once()
    {
        var review = await _app.CreateReviewAsync(_reviewerUser.Id);
        var url = $"/reviews/{review.Id}/steps/profile";

        var response = await _reviewer.PostFormAsync(url, Fields(("v.users", "0"), ("a.users", "12"), ("v.summary", "0"), ("a.summary", "A summary"), ("go", "stay")));

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(url));
        Assert.That(await _reviewer.GetStringAsync(url), Does.Contain("<p class=\"alert\" role=\"status\" id=\"step-saved\">Saved: 2 answers on this step.</p>"));
        Assert.That(await _reviewer.GetStringAsync(url), Does.Not.Contain("step-saved"));
    }

    [GeneratedRegex("<a href=\"(#[^\"]+)\">([^<]+)</a>")]
    private static partial Regex SummaryLink();

}
