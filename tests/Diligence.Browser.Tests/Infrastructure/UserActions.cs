using System.Text.RegularExpressions;

namespace Diligence.Browser.Tests.Infrastructure;

/// <summary>What people do in the app, written as the clicks they make; shared by the journeys and the page sweep.</summary>
public static partial class UserActions
{
    public const string Password = "correct horse battery staple";

    /// <summary>How long a click that posts a form may take to land on its next page.</summary>
    public const float Navigation = 30_000;

    public static async Task SignInAsync(IPage page, Account account)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>A staff account the administrator adds on the users page, as an admin would add a colleague.</summary>
    public static async Task<Account> AddUserAsync(IPage adminPage, string role)
    {
        var name = $"{role} {Guid.NewGuid().ToString("N")[..6]}";
        var account = new Account($"{name.Replace(' ', '.').ToLowerInvariant()}@example.com", name, Password);
        await adminPage.GotoAsync("/admin/users");
        var form = adminPage.Locator("form", new() { Has = adminPage.GetByRole(AriaRole.Button, new() { Name = "Add user" }) });
        await form.GetByLabel("E-mail address").FillAsync(account.Email);
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(account.Name);
        await form.GetByLabel("Initial password").FillAsync(account.Password);
        await form.GetByLabel("Role").SelectOptionAsync(role);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        // By its text: on a phone the users table is a list of cards, whose cells read "E-mail: …".
        await Assertions.Expect(adminPage.Locator("table").GetByText(account.Email, new() { Exact = true })).ToBeVisibleAsync();
        return account;
    }

    /// <summary>Starts a review of <paramref name="vendor"/> from the dashboard and returns its overview's path.</summary>
    public static async Task<string> StartReviewAsync(IPage page, string vendor)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "New review" }).First.ClickAsync();
        var option = await page.GetByLabel("Vendor").Locator("option", new() { HasText = vendor }).First.GetAttributeAsync("value");
        await page.GetByLabel("Vendor").SelectOptionAsync(option!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start review" }).ClickAsync();
        // The address is polled, not the page's load event, which a loaded machine can hold back past any timeout.
        await Assertions.Expect(page).ToHaveURLAsync(ReviewPath(), new() { Timeout = Navigation });
        return new Uri(page.Url).AbsolutePath.Split("/steps")[0];
    }

    /// <summary>Moves the review shown on <paramref name="page"/> (its overview) to <paramref name="status"/>.</summary>
    public static async Task MoveAsync(IPage page, string reviewPath, string status)
    {
        await page.GotoAsync(reviewPath);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move to {status}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#review-status")).ToHaveTextAsync(char.ToUpperInvariant(status[0]) + status[1..]);
    }

    /// <summary>Walks the review to ready for committee and records <paramref name="decision"/>.</summary>
    public static async Task DecideAsync(IPage page, string reviewPath, string decision, string rationale)
    {
        foreach (var status in new[] { "awaiting vendor", "in review", "ready for committee" })
            await MoveAsync(page, reviewPath, status);
        await page.GetByRole(AriaRole.Radio, new() { Name = decision, Exact = true }).CheckAsync();
        await page.GetByLabel("Rationale").FillAsync(rationale);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("#review-status")).ToHaveTextAsync("Decided");
    }

    /// <summary>Invites a contact of <paramref name="vendor"/> from the vendor's page and returns the link shown once.</summary>
    public static async Task<string> InviteAsync(IPage page, string vendor, string email)
    {
        await page.GotoAsync("/vendors");
        await page.GetByRole(AriaRole.Link, new() { Name = vendor, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite a contact" }).ClickAsync();
        await page.GetByLabel("Contact's e-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = page.Locator("#invitation-link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var tag = await link.EvaluateAsync<string>("e => e.tagName");
        return tag == "INPUT" ? await link.InputValueAsync() : (await link.TextContentAsync())!.Trim();
    }

    /// <summary>Opens an invitation link and creates the contact's account; the page ends signed in on the portal.</summary>
    public static async Task<Account> AcceptInvitationAsync(IPage page, string link, string email, string name)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/portal"), new() { Timeout = Navigation });
        return new Account(email, name, Password);
    }

    /// <summary>Asks for the committee PDF on the exports page, waits until it is ready, and returns the downloaded file.</summary>
    public static async Task<(string FileName, byte[] Pdf)> ExportPdfAsync(IPage page, string reviewPath)
    {
        await page.GotoAsync(reviewPath + "/exports");
        await page.GetByRole(AriaRole.Button, new() { Name = "Export PDF" }).ClickAsync();
        var link = page.Locator("tr[data-state='ready'] a[href$='/pdf']").First;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }

    [GeneratedRegex(@"/reviews/[0-9a-f-]{36}(/steps.*)?$")]
    private static partial Regex ReviewPath();
}
