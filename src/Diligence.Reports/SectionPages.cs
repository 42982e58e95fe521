using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Diligence.Reports;

/// <summary>
/// Reads where each top-level part of a printed write-up starts from the PDF's outline: Chromium ignores CSS
/// <c>target-counter()</c>, so the table of contents gets its page numbers from a first print.
/// </summary>
internal static class SectionPages
{
    /// <summary>
    /// Anchor → 1-based page, for each heading found among the outline's top-level entries, in order; and the page
    /// count, from the same parse.
    /// </summary>
    public static PrintedSections Read(byte[] pdf, IReadOnlyList<(string Anchor, string Title)> headings)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!document.TryGetBookmarks(out var bookmarks))
            return new PrintedSections(pages, document.NumberOfPages);
        var top = bookmarks.Roots.OfType<DocumentBookmarkNode>().ToList();
        var next = 0;
        foreach (var (anchor, title) in headings)
        {
            // Outline titles are the headings' text: the section number, then the title.
            var found = top.FindIndex(next, node => Normalize(node.Title).EndsWith(Normalize(title), StringComparison.Ordinal));
            if (found < 0)
                continue;
            pages[anchor] = top[found].PageNumber;
            next = found + 1;
        }
        return new PrintedSections(pages, document.NumberOfPages);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
