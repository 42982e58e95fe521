using System.Net;
using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Reviews;

namespace Diligence.Web.Tests.Dashboard;

/// <summary>A team's history of reviews outgrows one page: the dashboard pages it, newest first, keeping the filter.</summary>
public sealed partial class DashboardPagingTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private readonly List<Review> _inReview = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, var user) = await _app.SignInAsAsync(Role.Reviewer);
        for (var i = 0; i < DashboardQuery.PageSize + 2; i++)
        {
            _inReview.Add(await _app.AddReviewAsync(user.Id, ReviewStatus.InReview, vendorId: i == 0 ? null : _inReview[0].VendorId));
        }
        await _app.AddReviewAsync(user.Id);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private static List<string> ReviewsOn(string page) => [.. ReviewRow().Matches(page).Select(m => m.Groups[1].Value)];

    // Created one after the other, so newest first is the reverse of creation.
    private IEnumerable<string> NewestFirst => Enumerable.Reverse(_inReview).Select(r => r.Id.ToString());

    [TestCase(1, "<a href=\"/?status=InReview&amp;p=2\" rel=\"next\">Older</a>", "rel=\"prev\"")]
    [TestCase(2, "<a href=\"/?status=InReview&amp;p=1\" rel=\"prev\">Newer</a>", "rel=\"next\"")]
    public async Task Each_page_shows_its_share_of_the_reviews_newest_first_and_links_on_with_the_filter(
        int number, string link, string noLink)
    {
        var page = await _reviewer.GetStringAsync($"/?status=InReview&p={number}");

        Assert.That(ReviewsOn(page), Is.EqualTo(NewestFirst.Skip((number - 1) * DashboardQuery.PageSize).Take(DashboardQuery.PageSize)));
        Assert.That(page, Does.Contain($"Page {number} of 2 · 52 reviews"));
        Assert.That(page, Does.Contain(link));
        Assert.That(page, Does.Not.Contain(noLink));
    }

    [TestCase("99", 2)]
    [TestCase("2147483647", 2)]
    [TestCase("-3", 1)]
    [TestCase("0", 1)]
    public async Task A_page_number_out_of_range_shows_the_nearest_page(string asked, int shown)
    {
        var response = await _reviewer.GetAsync($"/?status=InReview&p={asked}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"Page {shown} of 2 · 52 reviews"));
    }

    [Test]
    public async Task Without_a_filter_every_review_is_counted()
    {
        var page = await _reviewer.GetStringAsync("/");

        Assert.That(page, Does.Contain("Page 1 of 2 · 53 reviews"));
        Assert.That(page, Does.Contain("<a href=\"/?p=2\" rel=\"next\">Older</a>"));
    }

    [GeneratedRegex("data-review=\"([0-9a-f-]{36})\"")]
    private static partial Regex ReviewRow();
}
