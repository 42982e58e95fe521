using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Reviews;

/// <summary>A decided review is locked; re-assessing it starts a new draft that carries its answers forward.</summary>
public sealed class ReassessTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;

    [SetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [TearDown]
    public void Stop() => _app.Dispose();

    private Task<HttpResponseMessage> Reassess(HttpClient client, Review review) =>
        client.PostFormAsync($"/reviews/{review.Id}?handler=Reassess", [], $"/reviews/{review.Id}");

    [Test]
    public async Task A_decided_review_refuses_answers_from_the_step_page_and_from_autosave()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Decided);
        var steps = $"/reviews/{review.Id}/steps/network";

        var page = await _reviewer.GetStringAsync(steps);
        var post = await _reviewer.PostFormAsync(steps, Fields(("v.inbound", "0"), ("a.inbound", "yes"), ("go", "stay")));
        var autosave = await _reviewer.PostAutosaveAsync($"/reviews/{review.Id}/answers/inbound", steps,
            Fields(("v.inbound", "0"), ("a.inbound", "yes")));

        Assert.That(page, Does.Contain("This review is decided and read-only."));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("This review is decided and read-only."));
        Assert.That(autosave.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(review.Id), Is.Empty);
    }

    [Test]
    public async Task Reassessing_starts_a_draft_on_the_newest_version_with_the_answers_and_their_findings_carried_forward()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);
        await _app.AnswerAsync(review.Id, InboundKey, "yes", _reviewerUser.Id);
        await _app.AnswerAsync(review.Id, SsoKey, "saml", _reviewerUser.Id);
        var newest = await _app.PublishPagesQuestionnaireAsync("2.0.0");
        await _reviewer.PostFormAsync($"/reviews/{review.Id}?handler=Move",
            Fields(("To", "Decided"), ("Version", "1"), ("Decision", "Approve"), ("Rationale", "Fine for now.")), $"/reviews/{review.Id}");
        var reviewer = await _app.CreateUserAsync(Role.Reviewer);
        var other = await _app.SignInAsync(reviewer);

        var response = await Reassess(other, review);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var next = (await _app.Get<IReviewStore>().ListAsync()).Single(r => r.Review.PreviousReviewId == review.Id).Review;
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/reviews/{next.Id}"));
        Assert.That(next.Status, Is.EqualTo(ReviewStatus.Draft));
        Assert.That(next.VendorId, Is.EqualTo(review.VendorId));
        Assert.That(next.OwnerId, Is.EqualTo(reviewer.Id));
        Assert.That((next.QuestionnaireVersion, next.QuestionnaireHash), Is.EqualTo(("2.0.0", newest.ContentHash)));
        var carried = await _app.Get<IAnswerStore>().ListAsync(next.Id);
        Assert.That(carried.Select(a => a.Key), Is.EquivalentTo(new[] { InboundKey, SsoKey }));
        var findings = await _app.Get<IFindingStore>().ListAsync(next.Id);
        Assert.That(findings.Select(f => (f.Text, f.Status, f.Withdrawn)),
            Is.EqualTo(new[] { (InboundFinding, FindingStatus.Open, false) }));
        var page = await other.GetStringAsync($"/reviews/{next.Id}");
        Assert.That(page, Does.Contain($"href=\"/reviews/{review.Id}\">the earlier review</a>"));
        Assert.That(page, Does.Contain("2/4"), "two of the newest version's four required questions are answered");
        Assert.That(await other.GetStringAsync($"/reviews/{review.Id}"), Does.Contain($"href=\"/reviews/{next.Id}\">Open its re-assessment</a>"));
    }

    [Test]
    public async Task Reassessing_again_opens_the_re_assessment_already_started()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Decided);

        var first = await Reassess(_reviewer, review);
        var second = await Reassess(_reviewer, review);

        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That((await _app.Get<IReviewStore>().ListAsync()).Count(r => r.Review.PreviousReviewId == review.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task A_review_that_is_not_decided_cannot_be_reassessed()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);

        var response = await Reassess(_reviewer, review);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(Html(ReviewLifecycleService.NotDecided)));
        Assert.That((await _app.Get<IReviewStore>().ListAsync()), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Procurement_cannot_reassess()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Decided);
        var (procurement, _) = await _app.SignInAsAsync(Role.Procurement);

        var page = await procurement.GetStringAsync($"/reviews/{review.Id}");
        var response = await Reassess(procurement, review);

        Assert.That(page, Does.Not.Contain("handler=Reassess"));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That((await _app.Get<IReviewStore>().ListAsync()), Has.Count.EqualTo(1));
    }
}
