using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Reviews;

/// <summary>Starting a review at <c>/reviews/new</c>.</summary>
public sealed class NewReviewTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
        await _app.PublishPagesQuestionnaireAsync("1.0.0");
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task The_form_preselects_the_vendor_it_was_opened_for_and_lists_published_versions_with_their_hash()
    {
        var vendor = await _app.AddVendorAsync();
        var published = await _app.PublishPagesQuestionnaireAsync("2.0.0");

        var page = await _reviewer.GetStringAsync($"/reviews/new?vendorId={vendor.Id}");

        Assert.That(page, Does.Contain($"<option value=\"{vendor.Id}\" selected=\"selected\">"));
        Assert.That(page, Does.Contain($"Pages test diligence (pages-test 2.0.0, {published.ContentHash[..12]})"));
        Assert.That(page.IndexOf("pages-test@2.0.0", StringComparison.Ordinal),
            Is.LessThan(page.IndexOf("pages-test@1.0.0", StringComparison.Ordinal)), "newest version first");
    }

    [Test]
    public async Task Starting_a_review_pins_the_questionnaire_version_and_hash_and_opens_its_first_step()
    {
        var vendor = await _app.AddVendorAsync();
        var questionnaire = await _app.PublishPagesQuestionnaireAsync("1.0.0");

        var response = await _reviewer.PostFormAsync("/reviews/new",
            Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", "pages-test@1.0.0")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var review = (await _app.Get<IReviewStore>().ListAsync()).Single(r => r.Review.VendorId == vendor.Id).Review;
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/reviews/{review.Id}/steps"));
        Assert.That(review.Status, Is.EqualTo(ReviewStatus.Draft));
        Assert.That(review.OwnerId, Is.EqualTo(_reviewerUser.Id));
        Assert.That(review.QuestionnaireId, Is.EqualTo("pages-test"));
        Assert.That(review.QuestionnaireVersion, Is.EqualTo("1.0.0"));
        Assert.That(review.QuestionnaireHash, Is.EqualTo(questionnaire.ContentHash));
        Assert.That((await _reviewer.GetAsync($"/reviews/{review.Id}/steps")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Starting_a_review_without_a_vendor_or_version_shows_the_messages_beside_the_fields()
    {
        var response = await _reviewer.PostFormAsync("/reviews/new",
            Fields(("VendorId", Guid.NewGuid().ToString()), ("Questionnaire", "pages-test@9.9.9")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-vendorid-error\">{Html(NewReviewService.VendorMissing)}</p>"));
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-questionnaire-error\">{Html(NewReviewService.QuestionnaireMissing)}</p>"));
    }

    [TestCase(Role.Procurement, "/account/denied")]
    [TestCase(Role.Vendor, "/account/denied")]
    public async Task Only_reviewers_start_reviews(Role role, string sentTo)
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(role, role == Role.Vendor ? vendor.Id : null);

        var form = await client.GetAsync("/reviews/new");
        var post = await client.PostAsync("/reviews/new", new FormUrlEncodedContent(
            Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", "pages-test@1.0.0"))));

        Assert.That(form.Headers.Location?.AbsolutePath, Is.EqualTo(sentTo));
        Assert.That(post.Headers.Location?.AbsolutePath, Is.EqualTo(sentTo));
        Assert.That((await _app.Get<IReviewStore>().ListAsync()).Any(r => r.Review.VendorId == vendor.Id), Is.False);
    }
}
