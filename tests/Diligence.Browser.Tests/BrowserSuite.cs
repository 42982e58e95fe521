using Diligence.Browser.Tests.Infrastructure;
using Diligence.Browser.Tests.Journeys;

namespace Diligence.Browser.Tests;

/// <summary>
/// One Chromium and one app for the whole suite (each started once, as users would have them), with an administrator
/// set up through the console's set-up link. Tests share the app but not their data: each makes its own users and
/// reviews, so none depends on another's order.
/// </summary>
[SetUpFixture]
public sealed class BrowserSuite
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static AppServer? _app;
    private static Account? _admin;

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser suite has not started.");

    public static AppServer App => _app ?? throw new InvalidOperationException("The browser suite has not started.");

    public static Account Admin => _admin ?? throw new InvalidOperationException("The browser suite has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright's own browser download fails on these machines: the scripts install Debian's Chromium.
            ExecutablePath = ChromiumExecutable(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        _app = await AppServer.StartAsync();
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        _admin = await SetUpJourney.CreateFirstAdministratorAsync(page, await _app.SetupLink);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh browser profile (its own cookies), as a separate person on a separate machine would have.</summary>
    public static Task<IBrowserContext> NewContextAsync(int width = 1280, bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
        });

    private static string ChromiumExecutable()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("DILIGENCE_CHROMIUM") ?? "", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium was not found: install the Debian package 'chromium-headless-shell' (./test.sh installs it).");
    }
}
