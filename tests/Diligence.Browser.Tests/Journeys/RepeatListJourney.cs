using System.Text.RegularExpressions;
using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>
/// A repeat list (the certifications a vendor holds): adding, removing and undoing a removal, accepting the vendor's
/// answer, and saving a finding, each leaving the reviewer where they were on the page rather than at its top.
/// </summary>
public sealed class RepeatListJourney : BrowserTest
{
    private static ILocator Entry(IPage page, int number) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"Certification {number}", Exact = true });

    // A filled entry is folded: its summary line says what it holds.
    private static ILocator Summary(IPage page, int number) => Entry(page, number).Locator("summary");

    [TestCase(true)]
    [TestCase(false)]
    public async Task Add_on_an_empty_list_shows_a_second_entry_where_the_reviewer_was(bool javaScript)
    {
        var page = await OpenAsNewUserAsync("Reviewer", javaScript);
        var review = await ReviewerPages.StartEmptyReviewAsync(page);
        await page.GotoAsync(review + "/steps/certifications");
        await Assertions.Expect(Entry(page, 1)).ToBeVisibleAsync();
        await Assertions.Expect(Entry(page, 2)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add certification" }).ClickAsync();

        await Assertions.Expect(Entry(page, 2)).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#f-a-certifications-1$"));
        await Assertions.Expect(Entry(page, 2)).ToBeInViewportAsync();
        await Assertions.Expect(Entry(page, 2)).ToBeFocusedAsync();

        // Adding again, with the second entry still blank, gives a third.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add certification" }).ClickAsync();
        await Assertions.Expect(Entry(page, 3)).ToBeFocusedAsync();
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Remove_takes_the_entry_out_and_undo_puts_it_back_in_its_place(bool javaScript)
    {
        var page = await OpenAsNewUserAsync("Reviewer", javaScript);
        var review = await UserActions.StartReviewAsync(page, "Astronomer");
        await page.GotoAsync(review + "/steps/certifications");
        await Assertions.Expect(Summary(page, 2)).ToContainTextAsync("PCI-DSS");

        await Summary(page, 2).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove certification 2" }).ClickAsync();

        var removed = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Certification 2 removed." });
        await Assertions.Expect(removed).ToBeInViewportAsync();
        await Assertions.Expect(Summary(page, 2)).ToContainTextAsync("HIPAA");
        await Assertions.Expect(Entry(page, 5)).ToHaveCountAsync(0);
        var undo = removed.GetByRole(AriaRole.Button, new() { Name = "Undo" });
        await Assertions.Expect(undo).ToBeFocusedAsync();

        await undo.ClickAsync();

        await Assertions.Expect(Summary(page, 2)).ToContainTextAsync("PCI-DSS");
        await Assertions.Expect(Summary(page, 3)).ToContainTextAsync("HIPAA");
        await Assertions.Expect(Entry(page, 5)).ToBeVisibleAsync();
        await Assertions.Expect(removed).ToHaveCountAsync(0);
        await Assertions.Expect(Entry(page, 2)).ToBeInViewportAsync();
        await Assertions.Expect(Entry(page, 2)).ToBeFocusedAsync();
    }

    [Test]
    public async Task Accepting_the_vendors_answer_keeps_the_reviewer_at_the_question()
    {
        var page = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(page, "Astronomer");
        await page.GotoAsync(review + "/steps/certifications");
        var item = page.Locator("[data-item='independent-audit']");

        await item.GetByRole(AriaRole.Button, new() { Name = "Accept the vendor's answer" }).ClickAsync();

        await Assertions.Expect(item.GetByText("Reviewer-confirmed vendor answer")).ToBeInViewportAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#f-a-independent-audit-provenance$"));
        await Assertions.Expect(item.Locator(".provenance")).ToBeFocusedAsync();
    }

    [Test]
    public async Task Saving_a_finding_keeps_the_reviewer_at_its_row()
    {
        var page = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(page, "Astronomer");
        await page.GotoAsync(review + "/findings");
        var description = $"Finding {Guid.NewGuid():N}";
        await page.GetByLabel("Severity").SelectOptionAsync("info");
        await page.GetByLabel("Description").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add finding" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = description });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await row.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Accepted risk" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Finding updated.");
        await Assertions.Expect(row).ToContainTextAsync("Accepted risk");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#status-[0-9a-f-]{36}$"));
        await Assertions.Expect(row).ToBeInViewportAsync();
        await Assertions.Expect(row.GetByLabel("Status")).ToBeFocusedAsync();
    }
}
