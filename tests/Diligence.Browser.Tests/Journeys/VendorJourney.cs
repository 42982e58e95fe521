using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>A vendor contact: invited by a reviewer, answers in the portal, submits, and can reach nothing else.</summary>
public sealed class VendorJourney : BrowserTest
{
    [Test]
    public async Task An_invited_contact_answers_in_the_portal_submits_and_cannot_open_a_review()
    {
        var reviewer = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(reviewer, "Astralog");
        await UserActions.MoveAsync(reviewer, review, "awaiting vendor");
        var email = $"security-{Guid.NewGuid():N}@astralog.example";
        var link = await UserActions.InviteAsync(reviewer, "Astralog", email);

        // The contact opens the link in their own browser.
        var vendor = await OpenAsync();
        await UserActions.AcceptInvitationAsync(vendor, link, email, "Val Vendor");
        await Assertions.Expect(vendor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Astralog");
        await Assertions.Expect(vendor.Locator("a[href^='/portal/requests/']")).ToHaveCountAsync(1);

        // Answers a question on a step page; it saves as they leave the field.
        await vendor.GotoAsync("/portal/steps/identity");
        var question = vendor.Locator("[data-item='sso']");
        await question.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await vendor.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();
        await Assertions.Expect(question.Locator(".save-state")).ToHaveTextAsync("Saved");

        // Submits the library as current.
        await vendor.GotoAsync("/portal");
        await vendor.GetByLabel("These answers are current as of").FillAsync("2026-12-01");
        await vendor.GetByRole(AriaRole.Button, new() { Name = "Submit as current" }).ClickAsync();
        await Assertions.Expect(vendor.Locator(".page-head .badge")).ToHaveTextAsync("Current as of 2026-12-01");

        // A reviewer's pages are not theirs.
        var response = await vendor.GotoAsync(review);
        Assert.That(response!.Status, Is.AnyOf(403, 404));
        response = await vendor.GotoAsync("/vendors");
        Assert.That(response!.Status, Is.AnyOf(403, 404));
    }
}
