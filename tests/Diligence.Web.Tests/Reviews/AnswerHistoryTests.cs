using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Reviews;

/// <summary>A review's answer history at <c>/reviews/{id}/history</c>.</summary>
public sealed class AnswerHistoryTests
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

    [Test]
    public async Task Changes_are_listed_newest_first_with_who_made_them_and_readable_values()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        await _app.AnswerAsync(review.Id, InboundKey, "yes", _reviewerUser.Id);
        await _app.AnswerAsync(review.Id, InboundKey, "na", _reviewerUser.Id);
        await _app.AnswerAsync(review.Id, SsoKey, "saml", _reviewerUser.Id);
        var (procurement, _) = await _app.SignInAsAsync(Role.Procurement);

        var page = await procurement.GetStringAsync($"/reviews/{review.Id}/history");

        var sso = page.IndexOf("<td data-label=\"After\">SAML</td>", StringComparison.Ordinal);
        var notApplicable = page.IndexOf("<td data-label=\"Before\">Yes</td>\n        <td data-label=\"After\">Not applicable</td>", StringComparison.Ordinal);
        var first = page.IndexOf("<td data-label=\"Before\">(no answer)</td>\n        <td data-label=\"After\">Yes</td>", StringComparison.Ordinal);
        Assert.That(sso, Is.GreaterThan(0));
        Assert.That(notApplicable, Is.GreaterThan(sso), "newest first");
        Assert.That(first, Is.GreaterThan(notApplicable));
        Assert.That(page, Does.Contain(Html(InboundPrompt)).And.Contain(_reviewerUser.DisplayName));
    }

    [Test]
    public async Task The_history_can_be_narrowed_to_one_question()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        await _app.AnswerAsync(review.Id, InboundKey, "yes", _reviewerUser.Id);
        await _app.AnswerAsync(review.Id, SsoKey, "saml", _reviewerUser.Id);

        var page = await _reviewer.GetStringAsync($"/reviews/{review.Id}/history?key={SsoKey}");

        Assert.That(page, Does.Contain($"Changes to <strong>{Html(SsoPrompt)}</strong>"));
        Assert.That(page, Does.Contain("SAML"));
        Assert.That(page, Does.Not.Contain("<td data-label=\"After\">Yes</td>"));
    }

    [Test]
    public async Task A_review_without_changes_says_so()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);

        var response = await _reviewer.GetAsync($"/reviews/{review.Id}/history");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("No answer has been changed yet."));
    }
}
