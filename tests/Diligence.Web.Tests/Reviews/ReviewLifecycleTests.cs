using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Reviews;

/// <summary>The review overview at <c>/reviews/{id}</c> and its lifecycle moves.</summary>
public sealed class ReviewLifecycleTests
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

    private static string Url(Review review) => $"/reviews/{review.Id}";

    private Task<HttpResponseMessage> Move(HttpClient client, Review review, params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"{Url(review)}?handler=Move", Fields(fields), Url(review));

    private async Task<Review> Stored(Review review) => (await _app.Get<IReviewStore>().GetAsync(review.Id))!;

    private static IEnumerable<TestCaseData> AllowedMoves() =>
        from status in Enum.GetValues<ReviewStatus>()
        from next in ReviewLifecycle.NextFrom(status)
        where next != ReviewStatus.Decided
        select new TestCaseData(status, next);

    [TestCaseSource(nameof(AllowedMoves))]
    public async Task Each_allowed_move_changes_the_status(ReviewStatus from, ReviewStatus to)
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, from);

        var response = await Move(_reviewer, review, ("To", to.ToString()), ("Version", "1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(Url(review)));
        var stored = await Stored(review);
        Assert.That(stored.Status, Is.EqualTo(to));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(await _reviewer.GetStringAsync(Url(review)), Does.Contain(Html($"Moved to {StatusLabels.For(to)}.")));
    }

    [Test]
    public async Task The_overview_offers_exactly_the_allowed_next_statuses()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);

        var page = await _reviewer.GetStringAsync(Url(review));

        Assert.That(page, Does.Contain("name=\"To\" value=\"ReadyForCommittee\"").And.Contain("name=\"To\" value=\"AwaitingVendor\""));
        Assert.That(page, Does.Not.Contain("value=\"Draft\"").And.Not.Contain("value=\"Decided\""));
        Assert.That(page, Does.Contain("<input type=\"hidden\" name=\"Version\" value=\"1\">"));
    }

    [Test]
    public async Task A_forbidden_move_is_refused_with_a_message_and_changes_nothing()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);

        var response = await Move(_reviewer, review, ("To", "Decided"), ("Version", "1"), ("Decision", "Approve"), ("Rationale", "Skip it"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Does.Contain(Html(ReviewLifecycleService.CannotMove(ReviewStatus.Draft, ReviewStatus.Decided))));
        Assert.That((await Stored(review)).Status, Is.EqualTo(ReviewStatus.Draft));
    }

    [Test]
    public async Task A_move_from_a_stale_page_gets_a_conflict_message_and_overwrites_nothing()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        await Move(_reviewer, review, ("To", "AwaitingVendor"), ("Version", "1"));

        var response = await Move(_reviewer, review, ("To", "ReadyForCommittee"), ("Version", "1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"alert error\" role=\"alert\" id=\"review-error\">{Html(ReviewLifecycleService.StaleReview)}</p>"));
        Assert.That(page, Does.Contain("<input type=\"hidden\" name=\"Version\" value=\"2\">"), "the page now shows the current version");
        var stored = await Stored(review);
        Assert.That(stored.Status, Is.EqualTo(ReviewStatus.AwaitingVendor));
        Assert.That(stored.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Deciding_records_the_decision_and_rationale_and_the_review_then_reads_as_decided()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);

        var response = await Move(_reviewer, review,
            ("To", "Decided"), ("Version", "1"), ("Decision", "ApproveWithConditions"), ("Rationale", "SSO must be enforced by Q3."));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = await Stored(review);
        Assert.That(stored.Status, Is.EqualTo(ReviewStatus.Decided));
        Assert.That(stored.Decision, Is.EqualTo(Decision.ApproveWithConditions));
        Assert.That(stored.DecisionRationale, Is.EqualTo("SSO must be enforced by Q3."));
        Assert.That((stored.DecidedBy, stored.DecidedAt), Is.EqualTo(((Guid?)_reviewerUser.Id, (DateTimeOffset?)stored.UpdatedAt)));
        var page = await _reviewer.GetStringAsync(Url(review));
        Assert.That(page, Does.Contain("<strong id=\"review-decision\">Approved with conditions</strong>"));
        Assert.That(page, Does.Contain("SSO must be enforced by Q3."));
        Assert.That(page, Does.Contain("This review is decided and read-only."));
        Assert.That(page, Does.Not.Contain("handler=Move"), "no lifecycle actions on a decided review");
    }

    [Test]
    public async Task A_decision_needs_a_rationale_and_keeps_the_chosen_decision()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);

        var response = await Move(_reviewer, review, ("To", "Decided"), ("Version", "1"), ("Decision", "Reject"), ("Rationale", "   "));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-rationale-error\">{Html(ReviewLifecycleService.RationaleMissing)}</p>"));
        Assert.That(page, Does.Contain("value=\"Reject\" checked=\"checked\""));
        Assert.That((await Stored(review)).Status, Is.EqualTo(ReviewStatus.ReadyForCommittee));
    }

    [Test]
    public async Task A_decision_must_be_chosen_and_the_rationale_is_kept()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);

        var response = await Move(_reviewer, review, ("To", "Decided"), ("Version", "1"), ("Rationale", "Kept rationale"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-decision-error\">{Html(ReviewLifecycleService.DecisionMissing)}</p>"));
        Assert.That(page, Does.Contain(">Kept rationale</textarea>"));
        Assert.That((await Stored(review)).Status, Is.EqualTo(ReviewStatus.ReadyForCommittee));
    }

    [Test]
    public async Task The_overview_shows_the_pinned_questionnaire_progress_per_step_and_missing_required_answers()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        await _app.AnswerAsync(review.Id, InboundKey, "yes", _reviewerUser.Id);

        var page = await _procurement.GetStringAsync(Url(review));

        Assert.That(page, Does.Contain("Pages test diligence 1.0.0"));
        Assert.That(page, Does.Contain($"<code>{review.QuestionnaireHash[..12]}</code>"));
        Assert.That(page, Does.Contain(_reviewerUser.DisplayName));
        Assert.That(page, Does.Contain($"<a href=\"/reviews/{review.Id}/steps/network\">1. Network posture</a>"));
        Assert.That(page, Does.Contain("1/2").And.Contain("0/1"));
        Assert.That(page, Does.Contain("<span class=\"badge high\">1 high</span>"));
        var start = page.IndexOf("id=\"missing-required\"", StringComparison.Ordinal);
        var missing = page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
        Assert.That(missing, Does.Contain(Html(EncryptionPrompt)).And.Contain(Html(SsoPrompt)));
        Assert.That(missing, Does.Not.Contain($">{Html(InboundPrompt)}</a>"), "answered, so not missing");
    }

    [Test]
    public async Task Procurement_reads_the_overview_but_cannot_move_the_review()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);

        var page = await _procurement.GetStringAsync(Url(review));
        var response = await Move(_procurement, review, ("To", "ReadyForCommittee"), ("Version", "1"));

        Assert.That(page, Does.Not.Contain("handler=Move"));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That((await Stored(review)).Status, Is.EqualTo(ReviewStatus.InReview));
    }

    [Test]
    public async Task A_vendor_user_cannot_open_a_review()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);
        var (vendor, _) = await _app.SignInAsAsync(Role.Vendor, review.VendorId);

        foreach (var url in new[] { Url(review), $"{Url(review)}/findings", $"{Url(review)}/history" })
        {
            var response = await vendor.GetAsync(url);
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"), url);
        }
    }

    [Test]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);

        foreach (var url in new[] { Url(review), $"{Url(review)}/findings", $"{Url(review)}/history", "/reviews/new" })
        {
            var response = await _app.Client().GetAsync(url);
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/sign-in"), url);
        }
    }

    [Test]
    public async Task Unknown_reviews_are_not_found()
    {
        var unknown = Guid.NewGuid();
        var existing = await _app.AddReviewAsync(_reviewerUser.Id);

        foreach (var url in new[] { $"/reviews/{unknown}", $"/reviews/{unknown}/findings", $"/reviews/{unknown}/history" })
        {
            Assert.That((await _reviewer.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
        }
        foreach (var handler in new[] { "Move", "Reassess" })
        {
            var response = await _reviewer.PostFormAsync($"/reviews/{unknown}?handler={handler}",
                Fields(("To", "AwaitingVendor"), ("Version", "1")), Url(existing));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), handler);
        }
    }
}
