using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Diligence.Reports;

/// <summary>
/// One Chromium per process, started on first use and restarted (with its Playwright driver) if either dies, and a small
/// pool of pages, one per render worker. A page is recycled after <see cref="ReportsOptions.RecycleAfter"/> documents
/// or on any error. Every page's context has JavaScript off and aborts every network request (counted in
/// <see cref="BlockedRequests"/>).
/// </summary>
internal sealed class BrowserPool : IAsyncDisposable
{
    // Debian's Chromium in a container: no sandbox, GPU or shared-memory assumptions, nothing fetched in the background.
    // Low-end device mode keeps the renderer's caches small: its memory stays flat instead of growing with every
    // document, and the PDFs it prints are the same to the pixel as without it.
    internal static readonly string[] LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--font-render-hinting=none",
        "--disable-dev-shm-usage",
        "--enable-low-end-device-mode",
    ];

    // The Playwright driver (node) only relays messages, but every document and PDF passes through it as a string:
    // a small young generation and a bounded old one make it collect them instead of growing for a while first.
    // It needs about 40 MB of heap to start; the old generation's bound is far above what documents in flight take, so
    // it only keeps a leak from growing without end.
    private const string DriverNodeOptions = "--max-semi-space-size=1 --max-old-space-size=256";

    private readonly ReportsOptions _options;
    private readonly SemaphoreSlim _workers;
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly ConcurrentBag<PooledPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowser? _lost;
    private int _blockedRequests;
    private bool _disposed;

    public BrowserPool(ReportsOptions options)
    {
        _options = options;
        _workers = new SemaphoreSlim(options.RenderWorkers, options.RenderWorkers);
    }

    public int BlockedRequests => Volatile.Read(ref _blockedRequests);

    /// <summary>Runs <paramref name="work"/> on a pooled page; the page goes back to the pool only if it succeeded.</summary>
    public async Task<T> UseAsync<T>(Func<IPage, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        PooledPage? page = null;
        try
        {
            page = _idle.TryTake(out var idle) ? idle : await CreatePageAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(page.Page).WaitAsync(TimeSpan.FromSeconds(_options.RenderTimeoutSeconds), cancellationToken).ConfigureAwait(false);
            page.Uses++;
            if (page.Uses < _options.RecycleAfter && !page.Page.IsClosed)
            {
                _idle.Add(page);
                page = null;
            }
            return result;
        }
        finally
        {
            // A page that cannot even be closed means its browser or driver is gone: the next page starts them afresh.
            if (page is not null && !await page.TryCloseAsync().ConfigureAwait(false))
                Volatile.Write(ref _lost, page.Browser);
            _workers.Release();
        }
    }

    /// <summary>Starts Chromium now rather than on the first render.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BrowserAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        while (_idle.TryTake(out var page))
            await page.TryCloseAsync().ConfigureAwait(false);
        if (_browser is not null)
            await CloseQuietlyAsync(_browser).ConfigureAwait(false);
        _playwright?.Dispose();
        _launch.Dispose();
        _workers.Dispose();
    }

    private async Task<PooledPage> CreatePageAsync(CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken).ConfigureAwait(false);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }).ConfigureAwait(false);
        await context.RouteAsync("**/*", route =>
        {
            Interlocked.Increment(ref _blockedRequests);
            return route.AbortAsync("blockedbyclient");
        }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        return new PooledPage(browser, context, page);
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (Usable(_browser) is { } running)
            return running;
        await _launch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Usable(_browser) is { } started)
                return started;
            var executable = ChromiumLocator.Locate(_options.ChromiumPath);
            // Pages of a browser that died are useless; they are dropped with it. Its driver may have died first (its
            // heap is bounded), and a dead driver launches nothing: it is started afresh with the browser.
            while (_idle.TryTake(out var stale))
                await stale.TryCloseAsync().ConfigureAwait(false);
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser).ConfigureAwait(false);
                _playwright?.Dispose();
                _playwright = null;
            }
            _playwright ??= await StartDriverAsync().ConfigureAwait(false);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Args = LaunchArguments,
                Headless = true,
            }).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>The browser, unless it disconnected or one of its pages could not be closed.</summary>
    private IBrowser? Usable(IBrowser? browser) =>
        browser is { IsConnected: true } && !ReferenceEquals(browser, Volatile.Read(ref _lost)) ? browser : null;

    /// <summary>Closes a browser that may already be gone; one whose driver died exits on its own when the pipe closes.</summary>
    private static async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Starts the Playwright driver with <see cref="DriverNodeOptions"/>. The driver inherits this process's environment,
    /// and Playwright has no other way to pass it options: NODE_OPTIONS is set only while the driver starts, so nothing
    /// started later inherits it. An operator's own NODE_OPTIONS come after ours, so they win.
    /// </summary>
    private static async Task<IPlaywright> StartDriverAsync()
    {
        const string Variable = "NODE_OPTIONS";
        var operators = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, string.IsNullOrWhiteSpace(operators) ? DriverNodeOptions : $"{DriverNodeOptions} {operators}");
        try
        {
            return await Playwright.CreateAsync().ConfigureAwait(false);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, operators);
        }
    }
}
