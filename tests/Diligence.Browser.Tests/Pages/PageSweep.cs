using System.Text.RegularExpressions;
using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Pages;

/// <summary>
/// Every page of the app, as the role that uses it, at a desktop (1280 px) and a phone (390 px) width: zero axe
/// violations and no sideways scrolling.
/// </summary>
[TestFixture(1280)]
[TestFixture(390)]
public sealed partial class PageSweep(int width)
{
    private readonly Dictionary<string, IPage> _pages = [];
    private readonly List<IBrowserContext> _contexts = [];
    private string _openReview = "";
    private string _decidedReview = "";
    private string _vendor = "";
    private string _invitationLink = "";

    [OneTimeSetUp]
    public async Task PrepareAsync()
    {
        var admin = await OpenAsync(BrowserSuite.Admin);
        var reviewer = await UserActions.AddUserAsync(admin, "Reviewer");
        var page = await OpenAsync(reviewer);
        _openReview = await UserActions.StartReviewAsync(page, "Astronomer");
        await UserActions.MoveAsync(page, _openReview, "awaiting vendor");
        _decidedReview = await UserActions.StartReviewAsync(page, "Astral");
        await UserActions.DecideAsync(page, _decidedReview, "Rejected", "The vendor offers no BAA.");
        await page.GotoAsync(_openReview);
        _vendor = (await page.GetByRole(AriaRole.Link, new() { Name = "Astronomer" }).First.GetAttributeAsync("href"))!;
        var email = $"contact-{Guid.NewGuid():N}@astronomer.example";
        var link = await UserActions.InviteAsync(page, "Astronomer", email);
        var vendorPage = await OpenAsync();
        await UserActions.AcceptInvitationAsync(vendorPage, link, email, "Vera Vendor");
        // A second invitation stays open for the accept page.
        _invitationLink = await UserActions.InviteAsync(page, "Astronomer", $"other-{Guid.NewGuid():N}@astronomer.example");
        _pages["Reviewer"] = page;
        _pages["Vendor"] = vendorPage;
        _pages["Admin"] = admin;
        _pages["Anonymous"] = await OpenAsync();
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        foreach (var context in _contexts)
            await context.CloseAsync();
    }

    // One signed-in browser per role for the whole sweep: each page is then one navigation.
    private async Task<IPage> OpenAsync(Account? account = null)
    {
        var context = await BrowserSuite.NewContextAsync(width);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        if (account is not null)
            await UserActions.SignInAsync(page, account);
        return page;
    }

    public static IEnumerable<TestCaseData> Pages()
    {
        (string Name, string Role, string Path)[] pages =
        [
            ("sign-in", "Anonymous", "/account/sign-in"),
            ("set-up", "Anonymous", "/setup?token=not-a-token"),
            ("password reset", "Anonymous", "/account/reset?token=not-a-token"),
            ("invitation accept", "Anonymous", "{invitation}"),
            ("dashboard", "Reviewer", "/"),
            ("new review", "Reviewer", "/reviews/new"),
            ("overview (open)", "Reviewer", "{open}"),
            ("overview (decided)", "Reviewer", "{decided}"),
            ("findings", "Reviewer", "{open}/findings"),
            ("history", "Reviewer", "{open}/history"),
            ("exports", "Reviewer", "{open}/exports"),
            ("vendors", "Reviewer", "/vendors"),
            ("a vendor", "Reviewer", "{vendor}"),
            ("invitations", "Reviewer", "{vendor}/invitations"),
            ("library", "Reviewer", "{vendor}/library"),
            ("admin users", "Admin", "/admin/users"),
            ("audit", "Admin", "/admin/audit"),
            ("access review", "Admin", "/admin/access-review"),
            ("your sessions", "Reviewer", "/account/sessions"),
            ("change password", "Reviewer", "/account/password"),
            ("portal", "Vendor", "/portal"),
            ("portal step", "Vendor", "/portal/steps/deployment"),
            ("portal request", "Vendor", "{portal-request}"),
            ("denied", "Vendor", "/account/denied"),
            ("not found", "Reviewer", "/reviews/00000000-0000-0000-0000-000000000000"),
        ];
        foreach (var (name, role, path) in pages)
            yield return new TestCaseData(role, path).SetArgDisplayNames(name);
        foreach (var step in StepIds())
            yield return new TestCaseData("Reviewer", "{open}/steps/" + step).SetArgDisplayNames("step " + step);
    }

    [TestCaseSource(nameof(Pages))]
    public async Task Has_no_accessibility_violations_and_fits_the_width(string role, string path)
    {
        var page = _pages[role];
        await page.GotoAsync(await ResolveAsync(path));
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.AssertNoHorizontalScrollAsync(page);
    }

    private async Task<string> ResolveAsync(string path)
    {
        if (path == "{portal-request}")
        {
            var portal = _pages["Vendor"];
            await portal.GotoAsync("/portal");
            return (await portal.Locator("a[href^='/portal/requests/']").First.GetAttributeAsync("href"))!;
        }
        return path.Replace("{open}", _openReview, StringComparison.Ordinal)
            .Replace("{decided}", _decidedReview, StringComparison.Ordinal)
            .Replace("{vendor}", _vendor, StringComparison.Ordinal)
            .Replace("{invitation}", _invitationLink, StringComparison.Ordinal);
    }

    // The shipped questionnaire's steps, read from the file so a new step is swept without editing this test.
    private static IEnumerable<string> StepIds() =>
        StepPattern().Matches(File.ReadAllText(RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml")))
            .Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^  - id: (\S+)\r?\n    title:", RegexOptions.Multiline)]
    private static partial Regex StepPattern();
}
