using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Findings;

/// <summary>A review's findings at <c>/reviews/{id}/findings</c>: automatic and manual, by severity.</summary>
public sealed class FindingsTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;
    private HttpClient _procurement = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
        (_procurement, _) = await _app.SignInAsAsync(Role.Procurement);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private static string Url(Review review) => $"/reviews/{review.Id}/findings";

    private Task<HttpResponseMessage> Add(HttpClient client, Review review, params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"{Url(review)}?handler=Add", Fields(fields), Url(review));

    private Task<HttpResponseMessage> Change(HttpClient client, Review review, Finding finding, int version, string status, string owner) =>
        client.PostFormAsync($"{Url(review)}?handler=Change", Fields(
            ("FindingId", finding.Id.ToString()), ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Status", status), ("Owner", owner)), Url(review));

    private async Task<IReadOnlyList<Finding>> Stored(Review review) => await _app.Get<IFindingStore>().ListAsync(review.Id);

    [Test]
    public async Task A_finding_raised_by_an_answer_links_to_its_question_on_the_findings_page_and_the_overview()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        await _app.AnswerAsync(review.Id, InboundKey, "yes", _reviewerUser.Id);
        var manual = await AddManualAsync(review);
        var question = $"/reviews/{review.Id}/steps/network#f-a-inbound-item";

        var findings = await _reviewer.GetStringAsync(Url(review));
        var overview = await _reviewer.GetStringAsync($"/reviews/{review.Id}");
        var step = await _reviewer.GetStringAsync($"/reviews/{review.Id}/steps/network");

        Assert.That(findings, Does.Contain($"<a href=\"{question}\">{Html(InboundPrompt)} Answer: Yes</a>"));
        var listed = overview[overview.IndexOf("<ul id=\"open-findings\">", StringComparison.Ordinal)..];
        var raised = listed[listed.IndexOf(Html(InboundFinding), StringComparison.Ordinal)..listed.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.That(raised, Does.Contain($"<a href=\"{question}\">{Html(InboundPrompt)}</a>"));
        Assert.That(listed[..listed.IndexOf("</ul>", StringComparison.Ordinal)], Does.Contain(Html(manual.Text)), "a reviewer's own finding is listed, with nothing to link to");
        Assert.That(step, Does.Contain("id=\"f-a-inbound-item\""), "the anchor the links point at");
    }

    private async Task<Finding> AddManualAsync(Review review, string severity = "medium", string text = "Pen-test summary is missing.")
    {
        var now = DateTimeOffset.UtcNow;
        var finding = new Finding(Guid.NewGuid(), review.Id, FindingSource.Manual, null, severity, text, null,
            FindingStatus.Open, false, now, now, 1);
        await _app.Get<IFindingStore>().AddAsync(finding);
        return finding;
    }

    [Test]
    public async Task A_reviewer_adds_a_manual_finding_which_is_listed_under_its_severity()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);

        var response = await Add(_reviewer, review,
            ("Severity", "critical"), ("Description", "Backups are not encrypted."), ("Owner", "Vendor security team"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var finding = (await Stored(review)).Single();
        Assert.That((finding.Source, finding.Severity, finding.Text, finding.Owner, finding.Status, finding.RaisedBy),
            Is.EqualTo((FindingSource.Manual, "critical", "Backups are not encrypted.", "Vendor security team", FindingStatus.Open, (Guid?)_reviewerUser.Id)));
        var page = await _procurement.GetStringAsync(Url(review));
        Assert.That(page, Does.Contain("<h2 id=\"severity-critical\"><span class=\"badge critical\">critical</span> 1 finding</h2>"));
        Assert.That(page, Does.Contain("Backups are not encrypted.").And.Contain("Added by a reviewer"));
    }

    [Test]
    public async Task A_finding_without_a_description_is_refused_with_the_message_beside_the_field_and_the_input_kept()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);

        var response = await Add(_reviewer, review, ("Severity", "high"), ("Description", " "), ("Owner", "Kept owner"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-description-error\">{Html(FindingsService.DescriptionMissing)}</p>"));
        Assert.That(page, Does.Contain("<option value=\"high\" selected=\"selected\">high</option>"));
        Assert.That(page, Does.Contain("value=\"Kept owner\""));
        Assert.That(await Stored(review), Is.Empty);
    }

    [Test]
    public async Task A_description_longer_than_2000_characters_or_an_unknown_severity_is_refused()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);

        var response = await Add(_reviewer, review, ("Severity", "apocalyptic"), ("Description", new string('d', 2001)));

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"id=\"f-description-error\">{Html(FindingsService.DescriptionTooLong)}</p>"));
        Assert.That(page, Does.Contain($"id=\"f-severity-error\">{Html(FindingsService.SeverityMissing)}</p>"));
        Assert.That(await Stored(review), Is.Empty);
    }

    [Test]
    public async Task A_reviewer_changes_the_status_and_owner_of_a_finding()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var finding = await AddManualAsync(review);

        var response = await Change(_reviewer, review, finding, 1, "AcceptedRisk", "CISO");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = (await Stored(review)).Single();
        Assert.That((stored.Status, stored.Owner, stored.Version), Is.EqualTo((FindingStatus.AcceptedRisk, "CISO", 2)));
        Assert.That(await _reviewer.GetStringAsync(Url(review)), Does.Contain("<span class=\"badge\">Accepted risk</span>"));
    }

    [Test]
    public async Task A_saved_change_comes_back_to_the_findings_row_which_confirms_it()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var finding = await AddManualAsync(review);

        var response = await Change(_reviewer, review, finding, 1, "AcceptedRisk", "CISO");

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"{Url(review)}#status-{finding.Id}"));
        var page = await _reviewer.GetStringAsync(Url(review));
        var row = page[page.IndexOf($"<tr id=\"finding-{finding.Id}\">", StringComparison.Ordinal)..];
        Assert.That(row[..row.IndexOf("</tr>", StringComparison.Ordinal)], Does.Contain("<p class=\"save-state saved\" role=\"status\">Finding updated.</p>"));
        Assert.That(await _reviewer.GetStringAsync(Url(review)), Does.Not.Contain("Finding updated."), "said once");
    }

    [Test]
    public async Task A_change_from_a_stale_page_gets_a_conflict_message_and_overwrites_nothing()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var finding = await AddManualAsync(review);
        await Change(_reviewer, review, finding, 1, "Remediated", "Vendor");

        var response = await Change(_reviewer, review, finding, 1, "AcceptedRisk", "Someone else");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\" role=\"alert\" id=\"findings-error\">{Html(FindingsService.StaleFinding)}</p>"));
        Assert.That(page, Does.Contain("value=\"Someone else\""), "the user's input stays in the field");
        Assert.That(page, Does.Contain($"<input type=\"hidden\" name=\"Version\" value=\"2\">"), "the page now holds the current version");
        var stored = (await Stored(review)).Single();
        Assert.That((stored.Status, stored.Owner), Is.EqualTo((FindingStatus.Remediated, "Vendor")));
    }

    [Test]
    public async Task Automatic_findings_name_the_question_and_answer_that_raised_them_and_withdrawn_ones_are_listed_apart()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        await _app.AnswerAsync(review.Id, InboundKey, "yes", _reviewerUser.Id);
        await _app.AnswerAsync(review.Id, SsoKey, "none", _reviewerUser.Id);
        await _app.AnswerAsync(review.Id, SsoKey, "saml", _reviewerUser.Id);

        var page = await _procurement.GetStringAsync(Url(review));

        var inForce = page[..page.IndexOf("id=\"withdrawn-findings\"", StringComparison.Ordinal)];
        var withdrawn = page[page.IndexOf("id=\"withdrawn-findings\"", StringComparison.Ordinal)..];
        Assert.That(inForce, Does.Contain(Html(InboundFinding)).And.Contain(Html($"{InboundPrompt} Answer: Yes")));
        Assert.That(withdrawn, Does.Contain("The vendor offers no single sign-on.").And.Contain(Html($"{SsoPrompt} Answer: None")));
        Assert.That(inForce, Does.Not.Contain("The vendor offers no single sign-on."));
    }

    [Test]
    public async Task Procurement_reads_findings_but_cannot_add_or_change_them()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var finding = await AddManualAsync(review);

        var page = await _procurement.GetStringAsync(Url(review));
        var add = await Add(_procurement, review, ("Severity", "low"), ("Description", "Sneaky"));
        var change = await Change(_procurement, review, finding, 1, "Remediated", "Me");

        Assert.That(page, Does.Contain(finding.Text).And.Not.Contain("handler=Add").And.Not.Contain("handler=Change"));
        Assert.That(add.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That(change.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That((await Stored(review)).Single().Status, Is.EqualTo(FindingStatus.Open));
    }

    [Test]
    public async Task The_findings_of_a_decided_review_are_read_only()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Decided);
        var finding = await AddManualAsync(review);

        var page = await _reviewer.GetStringAsync(Url(review));
        var add = await Add(_reviewer, review, ("Severity", "low"), ("Description", "Too late"));
        var change = await Change(_reviewer, review, finding, 1, "Remediated", "Me");

        Assert.That(page, Does.Contain("This review is decided and read-only.").And.Not.Contain("handler=Add").And.Not.Contain("handler=Change"));
        Assert.That(await add.Content.ReadAsStringAsync(), Does.Contain(Html(ReviewLifecycleService.Locked)));
        Assert.That(await change.Content.ReadAsStringAsync(), Does.Contain(Html(ReviewLifecycleService.Locked)));
        var stored = (await Stored(review)).Single();
        Assert.That((stored.Status, stored.Version), Is.EqualTo((FindingStatus.Open, 1)));
    }

    [Test]
    public async Task A_finding_of_another_review_is_not_found()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var other = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var finding = await AddManualAsync(other);

        var response = await Change(_reviewer, review, finding, 1, "Remediated", "Me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Stored(other)).Single().Status, Is.EqualTo(FindingStatus.Open));
    }
}
