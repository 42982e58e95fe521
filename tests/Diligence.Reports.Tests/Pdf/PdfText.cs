using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Diligence.Reports.Tests.Pdf;

/// <summary>What a reader of a PDF sees, read with PdfPig: each page's words, its large-type headings, the outline.</summary>
internal sealed partial class PdfText
{
    /// <summary>Section headings are set at 17pt; nothing else in the body is that large.</summary>
    private const double HeadingSize = 16;

    public PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Pages = [.. document.GetPages().Select(page => Words(page))];
        PlacedWords = [.. document.GetPages().Select(page => (IReadOnlyList<PlacedWord>)[.. page.GetWords().Select(w => new PlacedWord(w.Text, w.BoundingBox.Left, w.Letters[0].StartBaseLine.Y))])];
        Headings = [.. document.GetPages().Select(Heading)];
        Outline = document.TryGetBookmarks(out var bookmarks) ? [.. bookmarks.GetNodes().OfType<DocumentBookmarkNode>()] : [];
        TopLevelOutline = [.. Outline.Where(n => n.Level == 0)];
        Title = document.Information.Title;
        Author = document.Information.Author;
        PageWidth = document.GetPage(1).Width;
        IsTagged = document.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.Create("MarkInfo"));
    }

    /// <summary>Each page's words, separated by single spaces.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>Each page's words with their positions (PDF points, y upwards).</summary>
    public IReadOnlyList<IReadOnlyList<PlacedWord>> PlacedWords { get; }

    /// <summary>Each page's lines in heading type: the parts that start on it.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Headings { get; }

    /// <summary>The 0-based page on which the part with heading <paramref name="title"/> starts, or -1.</summary>
    public int PageStarting(string title) => Headings.ToList().FindIndex(lines => lines.Contains(title));

    public IReadOnlyList<DocumentBookmarkNode> Outline { get; }

    public IReadOnlyList<DocumentBookmarkNode> TopLevelOutline { get; }

    public string? Title { get; }

    public string? Author { get; }

    public double PageWidth { get; }

    public bool IsTagged { get; }

    public string All => string.Join(" ", Pages);

    /// <summary>
    /// Whether the words of <paramref name="expected"/> appear in order in <paramref name="text"/>, each within a few words
    /// of the one before: a table cell's lines are interleaved with its neighbours' in the page's reading order.
    /// </summary>
    public static bool ContainsInterleaved(string text, string expected)
    {
        const int Window = 40;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wanted = expected.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < words.Length; start++)
        {
            if (words[start] != wanted[0])
                continue;
            var at = start;
            var matched = 1;
            while (matched < wanted.Length)
            {
                var next = Array.IndexOf(words, wanted[matched], at + 1, Math.Min(Window, words.Length - at - 1));
                if (next < 0)
                    break;
                at = next;
                matched++;
            }
            if (matched == wanted.Length)
                return true;
        }
        return false;
    }

    /// <summary>Whitespace in <paramref name="text"/> collapsed the way page text is.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    private static string Words(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private static IReadOnlyList<string> Heading(Page page) =>
        [.. page.GetWords()
            .Where(w => w.Letters.Count > 0 && w.Letters[0].PointSize >= HeadingSize)
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y))
            .OrderByDescending(line => line.Key)
            .Select(line => string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
