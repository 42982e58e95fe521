using Microsoft.Playwright;

namespace Diligence.Reports;

/// <summary>A page in its own browser context (JavaScript off, every request blocked), and how many documents it printed.</summary>
internal sealed class PooledPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public int Uses { get; set; }

    public async ValueTask DisposeAsync()
    {
        // The page is being thrown away, often after an error: a failure to close it changes nothing.
        try
        {
            await context.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
        }
    }
}
