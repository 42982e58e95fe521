using NUnit.Framework.Interfaces;

namespace Diligence.Browser.Tests.Infrastructure;

/// <summary>
/// A test that drives the suite's app as one or more people, each in their own browser profile. A failing test leaves a
/// full-page screenshot of every open page in the test's output folder.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<IBrowserContext> _contexts = [];

    protected static AppServer App => BrowserSuite.App;

    /// <summary>A new person's browser at <paramref name="width"/> px, signed in as <paramref name="account"/> when given.</summary>
    protected async Task<IPage> OpenAsync(Account? account = null, int width = 1280, bool javaScript = true)
    {
        var context = await BrowserSuite.NewContextAsync(width, javaScript);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        if (account is not null)
            await UserActions.SignInAsync(page, account);
        return page;
    }

    /// <summary>A colleague the administrator has just added with <paramref name="role"/>, signed in on their own browser.</summary>
    protected async Task<IPage> OpenAsNewUserAsync(string role, bool javaScript = true)
    {
        var admin = await OpenAsync(BrowserSuite.Admin);
        return await OpenAsync(await UserActions.AddUserAsync(admin, role), javaScript: javaScript);
    }

    [TearDown]
    public async Task CloseBrowsersAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var index = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages))
            {
                var file = Path.Combine(folder, $"{TestContext.CurrentContext.Test.Name}-{index++}.png");
                try
                {
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                    TestContext.AddTestAttachment(file);
                }
                catch (PlaywrightException)
                {
                    // A page that crashed has nothing to show.
                }
            }
        }
        foreach (var context in _contexts)
            await context.CloseAsync();
        _contexts.Clear();
    }
}
