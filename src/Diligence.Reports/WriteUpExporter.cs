using System.Security.Cryptography;
using Diligence.Core.WriteUp;

namespace Diligence.Reports;

/// <summary>
/// Write-up model → HTML → PDF, in two passes: the first print (layout only) tells on which page each part starts, the
/// second prints the table of contents with those numbers (a third only if the numbers moved the layout).
/// </summary>
public sealed class WriteUpExporter(WriteUpRenderer renderer, PdfRenderer pdf)
{
    private const int MaxPasses = 3;

    public async Task<WriteUpExport> ExportAsync(WriteUp writeUp, PaperSize paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeUp);
        var setup = new PdfPageSetup(
            paper,
            renderer.RenderPageHeader(writeUp),
            renderer.RenderPageFooter(writeUp),
            writeUp.Title,
            writeUp.Author,
            $"{writeUp.QuestionnaireTitle} {writeUp.QuestionnaireVersion}",
            $"{writeUp.QuestionnaireId} {writeUp.QuestionnaireVersion} sha256:{writeUp.QuestionnaireHash}");
        var headings = writeUp.Contents.Select(h => (h.Anchor, h.Title)).ToList();

        IReadOnlyDictionary<string, int>? pages = null;
        string html;
        byte[] bytes;
        PrintedSections printed;
        var pass = 0;
        while (true)
        {
            pass++;
            html = renderer.RenderHtml(writeUp, pages);
            // The first pass only learns where the parts start; every PDF kept comes from a full print.
            bytes = pages is null
                ? await pdf.RenderLayoutAsync(html, setup, cancellationToken).ConfigureAwait(false)
                : await pdf.RenderAsync(html, setup, cancellationToken).ConfigureAwait(false);
            printed = SectionPages.Read(bytes, headings);
            if (pass >= MaxPasses || (pages is not null && SamePages(pages, printed.Starts)))
                break;
            pages = printed.Starts;
        }

        return new WriteUpExport(bytes, html, printed.PageCount, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static bool SamePages(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var page) && page == pair.Value);
}
