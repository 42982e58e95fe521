using Microsoft.Playwright;

namespace Diligence.Reports;

/// <summary>
/// A page in its own browser context (JavaScript off, every request blocked), the browser it belongs to, and how many
/// documents it printed.
/// </summary>
internal sealed class PooledPage(IBrowser browser, IBrowserContext context, IPage page)
{
    public IBrowser Browser { get; } = browser;

    public IPage Page { get; } = page;

    public int Uses { get; set; }

    /// <summary>
    /// Closes the page's context. False when that failed: its browser or the Playwright driver is gone (a driver that
    /// died also surfaces as <see cref="ObjectDisposedException"/> from Playwright's transport).
    /// </summary>
    public async Task<bool> TryCloseAsync()
    {
        try
        {
            await context.CloseAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or ObjectDisposedException)
        {
            return false;
        }
    }
}
