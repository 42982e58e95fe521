using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>A form that fails validation says so at its top, in a summary that links to each field with a problem.</summary>
public sealed class ErrorSummaryJourney : BrowserTest
{
    private static ILocator Summary(IPage page) => page.GetByRole(AriaRole.Alert, new() { Name = "There is a problem" });

    [Test]
    public async Task Recording_a_decision_without_one_focuses_the_summary_whose_links_move_to_the_fields()
    {
        var page = await OpenAsNewUserAsync("Reviewer");
        var review = await ReviewerPages.StartEmptyReviewAsync(page);
        foreach (var status in new[] { "awaiting vendor", "in review", "ready for committee" })
            await UserActions.MoveAsync(page, review, status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        var summary = Summary(page);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToBeInViewportAsync();
        var decision = summary.GetByRole(AriaRole.Link, new() { Name = "Choose a decision: approve, approve with conditions or reject." });
        var rationale = summary.GetByRole(AriaRole.Link, new() { Name = "Enter the rationale for the decision." });
        await Assertions.Expect(decision).ToHaveAttributeAsync("href", "#f-decision");
        await Assertions.Expect(rationale).ToHaveAttributeAsync("href", "#f-rationale");

        await decision.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Approved", Exact = true })).ToBeFocusedAsync();
        await rationale.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Rationale")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Rationale")).ToBeInViewportAsync();
    }

    [Test]
    public async Task Without_javascript_a_bad_number_on_a_step_is_summarised_and_explained_and_a_good_save_is_confirmed()
    {
        var page = await OpenAsNewUserAsync("Reviewer", javaScript: false);
        var review = await ReviewerPages.StartEmptyReviewAsync(page);
        await page.GotoAsync(review + "/steps/data-boundary");
        var retention = page.GetByLabel("How long is customer data retained, and who controls the retention period?");
        var disposal = page.GetByLabel("Within how many days of a request or contract termination is customer data disposed of?");
        await retention.FillAsync("Ninety days; the customer can shorten it.");
        await disposal.FillAsync("soon");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var summary = Summary(page);
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter a number, like 12 or 3.5." }))
            .ToHaveAttributeAsync("href", "#f-a-disposal-days");
        var item = page.Locator("[data-item='disposal-days']");
        await Assertions.Expect(item.Locator(".error-text")).ToHaveTextAsync("Enter a number, like 12 or 3.5.");
        await Assertions.Expect(disposal).ToHaveValueAsync("soon");
        await Assertions.Expect(retention).ToHaveValueAsync("Ninety days; the customer can shorten it.");

        await disposal.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved:" }))
            .ToHaveTextAsync("Saved: 2 answers on this step.");
        await Assertions.Expect(Summary(page)).ToHaveCountAsync(0);
        await Assertions.Expect(disposal).ToHaveValueAsync("30");
    }
}
