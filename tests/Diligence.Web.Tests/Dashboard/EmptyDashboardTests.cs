using Diligence.Core.Accounts;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Dashboard;

/// <summary>A fresh installation: nothing to list yet.</summary>
public sealed class EmptyDashboardTests
{
    private TestApp _app = null!;

    [SetUp]
    public void Start() => _app = new TestApp();

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task With_no_reviews_the_dashboard_says_so_and_offers_the_first_one()
    {
        var (reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);

        var page = await reviewer.GetStringAsync("/");

        Assert.That(page, Does.Contain("No reviews yet."));
        Assert.That(page, Does.Contain("Start the first review"));
    }

    [Test]
    public async Task With_no_review_in_the_chosen_status_the_dashboard_says_so()
    {
        var (reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);

        var page = await reviewer.GetStringAsync("/?status=Decided");

        Assert.That(page, Does.Contain("No reviews are decided."));
    }
}
