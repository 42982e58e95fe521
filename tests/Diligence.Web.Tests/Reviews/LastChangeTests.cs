using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Reviews;

/// <summary>An answer saved to a review is a change of that review: its "Last change" and its place on the dashboard.</summary>
public sealed class LastChangeTests
{
    [Test]
    public async Task Saving_an_answer_moves_the_review_to_the_top_of_the_dashboard_and_sets_its_last_change()
    {
        var clock = new AdjustableClock();
        using var app = new TestApp(services: services => services.AddSingleton<TimeProvider>(clock));
        clock.Advance(TimeSpan.FromDays(1));
        var (reviewer, user) = await app.SignInAsAsync(Role.Reviewer);
        var older = await AddReviewChangedAsync(app, user.Id, clock.GetUtcNow().AddHours(-2));
        var newer = await AddReviewChangedAsync(app, user.Id, clock.GetUtcNow().AddHours(-1));
        clock.Advance(TimeSpan.FromMinutes(5));

        var saved = await reviewer.PostAutosaveAsync($"/reviews/{older.Id}/answers/inbound", $"/reviews/{older.Id}/steps/network",
            ReviewBuilder.Fields(("v.inbound", "0"), ("a.inbound", "no")));
        var dashboard = await reviewer.GetStringAsync("/");
        var overview = await reviewer.GetStringAsync($"/reviews/{older.Id}");

        Assert.That(saved.IsSuccessStatusCode, Is.True);
        Assert.That(dashboard.IndexOf($"data-review=\"{older.Id}\"", StringComparison.Ordinal),
            Is.LessThan(dashboard.IndexOf($"data-review=\"{newer.Id}\"", StringComparison.Ordinal)), "most recently changed first");
        Assert.That(overview, Does.Contain($"<dt>Last change</dt>\n  <dd>{DisplayText.When(clock.GetUtcNow())}</dd>"));
    }

    private static async Task<Review> AddReviewChangedAsync(TestApp app, Guid ownerId, DateTimeOffset at)
    {
        var questionnaire = await app.PublishPagesQuestionnaireAsync();
        var vendor = await app.AddVendorAsync();
        var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            ReviewStatus.InReview, ownerId, null, null, null, at, at, 1);
        await app.Get<IReviewStore>().CreateAsync(review);
        return review;
    }
}
