using Microsoft.Playwright;

namespace Diligence.Reports;

/// <summary>
/// HTML to PDF with Chromium through Playwright: one browser per process, started on first use and reused; pages
/// pooled per render worker. JavaScript is off and every network request is blocked, so a document prints only what
/// its HTML holds; fonts are the system's and Chromium embeds them. The PDF is tagged, has an outline from the
/// headings, the running header and footer of the <see cref="PdfPageSetup"/>, and title and author metadata.
/// Register as a singleton; thread-safe.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    private const string PageMargin = "18mm";

    private readonly BrowserPool _pool;

    public PdfRenderer(ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pool = new BrowserPool(options);
    }

    /// <summary>Network requests the documents' HTML attempted, all of them aborted (a well-formed write-up makes none).</summary>
    public int BlockedRequests => _pool.BlockedRequests;

    /// <summary>Starts Chromium now; otherwise the first render does.</summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium was found.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _pool.StartAsync(cancellationToken);

    /// <exception cref="ChromiumNotFoundException">No Chromium was found.</exception>
    public Task<byte[]> RenderAsync(string html, PdfPageSetup setup, CancellationToken cancellationToken = default) =>
        PrintAsync(html, setup, runningHeaderAndFooter: true, cancellationToken);

    /// <summary>
    /// A print that only tells where the pages break: the same paper, margins and outline as <see cref="RenderAsync"/>,
    /// without the running header and footer (they sit in the margins, so the body breaks the same) or the document
    /// information. About a sixth cheaper; for a first pass whose PDF is thrown away.
    /// </summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium was found.</exception>
    public Task<byte[]> RenderLayoutAsync(string html, PdfPageSetup setup, CancellationToken cancellationToken = default) =>
        PrintAsync(html, setup, runningHeaderAndFooter: false, cancellationToken);

    private Task<byte[]> PrintAsync(string html, PdfPageSetup setup, bool runningHeaderAndFooter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(setup);
        return _pool.UseAsync(
            async page =>
            {
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
                var pdf = await page.PdfAsync(new PagePdfOptions
                {
                    Format = setup.Paper == PaperSize.Letter ? "Letter" : "A4",
                    PrintBackground = true,
                    DisplayHeaderFooter = runningHeaderAndFooter,
                    HeaderTemplate = setup.HeaderTemplate,
                    FooterTemplate = setup.FooterTemplate,
                    Margin = new Margin { Top = "22mm", Bottom = "20mm", Left = PageMargin, Right = PageMargin },
                    // The outline is built from the tagged structure: without tags Chromium writes none.
                    Outline = true,
                    Tagged = true,
                }).ConfigureAwait(false);
                return runningHeaderAndFooter
                    ? PdfInformation.Write(pdf, setup.Title, setup.Author, setup.Subject, setup.Keywords)
                    : pdf;
            },
            cancellationToken);
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();
}
