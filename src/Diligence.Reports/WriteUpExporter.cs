using System.Security.Cryptography;
using Diligence.Core.WriteUp;
using UglyToad.PdfPig;

namespace Diligence.Reports;

/// <summary>
/// Write-up model → HTML → PDF, in two passes: the first print tells on which page each part starts, the second
/// prints the table of contents with those numbers (a third only if the numbers moved the layout).
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
        var pass = 0;
        while (true)
        {
            pass++;
            html = renderer.RenderHtml(writeUp, pages);
            bytes = await pdf.RenderAsync(html, setup, cancellationToken).ConfigureAwait(false);
            var printed = SectionPages.Read(bytes, headings);
            if (pass >= MaxPasses || (pages is not null && SamePages(pages, printed)))
                break;
            pages = printed;
        }

        using var document = PdfDocument.Open(bytes);
        return new WriteUpExport(bytes, html, document.NumberOfPages, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static bool SamePages(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var page) && page == pair.Value);
}
