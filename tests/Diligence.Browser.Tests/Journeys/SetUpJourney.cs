using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>The first run: the operator opens the console's set-up link, becomes the administrator, and adds colleagues.</summary>
public sealed class SetUpJourney : BrowserTest
{
    [Test]
    public async Task The_set_up_link_makes_the_first_administrator_who_adds_a_reviewer_and_a_procurement_user()
    {
        // Its own app: the suite's app has used its one set-up link already.
        await using var app = await AppServer.StartAsync();
        var context = await BrowserSuite.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        try
        {
            var page = await context.NewPageAsync();
            await CreateFirstAdministratorAsync(page, await app.SetupLink);

            var reviewer = await UserActions.AddUserAsync(page, "Reviewer");
            var procurement = await UserActions.AddUserAsync(page, "Procurement");
            var rows = page.GetByRole(AriaRole.Row);
            await Assertions.Expect(rows.Filter(new() { HasText = reviewer.Email })).ToContainTextAsync("Reviewer");
            await Assertions.Expect(rows.Filter(new() { HasText = procurement.Email })).ToContainTextAsync("Procurement");

            // The link works once.
            await page.GotoAsync(await app.SetupLink);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This set-up link is not valid.");

            // The reviewer signs in with the password the administrator gave them.
            var reviewerPage = await (await BrowserSuite.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
            await UserActions.SignInAsync(reviewerPage, reviewer);
            await Assertions.Expect(reviewerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reviews");
            await reviewerPage.Context.CloseAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Follows the set-up link and creates the administrator; the page ends signed in on the dashboard.</summary>
    public static async Task<Account> CreateFirstAdministratorAsync(IPage page, string setupLink)
    {
        var admin = new Account("admin@example.com", "Ada Admin", UserActions.Password);
        await page.GotoAsync(setupLink);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up Diligence");
        await page.GetByLabel("E-mail address").FillAsync(admin.Email);
        await page.GetByLabel("Your name").FillAsync(admin.Name);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return admin;
    }
}
