namespace Diligence.Reports.Tests.Pdf;

/// <summary>
/// Reads a printed table back by position: the columns from the header row (first word of each heading, level with
/// the corner heading), the rows from the row headings under the corner, and each cell as the words inside its column
/// between its row heading and the next. Tables whose rows continue on following pages are read page by page.
/// </summary>
internal static class PdfTable
{
    public static Dictionary<(string Row, string Column), string> Read(
        PdfText text, int firstPage, int pageCount, string corner, IReadOnlyList<string> columns, IReadOnlyList<string> rows)
    {
        var cells = new Dictionary<(string, string), string>();
        for (var page = firstPage; page < firstPage + pageCount && page < text.PlacedWords.Count; page++)
        {
            var words = text.PlacedWords[page];
            var cornerWord = words.FirstOrDefault(w => w.Text == corner);
            if (cornerWord is null)
                continue;
            var lefts = columns.Select(c => words.First(w => w.Text == FirstWord(c) && Math.Abs(w.Top - cornerWord.Top) < 2 && w.Left > cornerWord.Left).Left).ToList();
            var below = words.Where(w => w.Top < cornerWord.Top - 2).ToList();
            var rowTops = rows
                .Select(r => (Row: r, Word: below.FirstOrDefault(w => w.Text == FirstWord(r) && Math.Abs(w.Left - cornerWord.Left) < 2)))
                .Where(r => r.Word is not null)
                .OrderByDescending(r => r.Word!.Top)
                .ToList();
            // The table ends where text starts left of its first column again (the answer's note, the next question).
            var end = below.Where(w => w.Left < cornerWord.Left - 2).Select(w => w.Top).DefaultIfEmpty(0).Max();
            for (var r = 0; r < rowTops.Count; r++)
            {
                var top = rowTops[r].Word!.Top + 1;
                var bottom = r + 1 < rowTops.Count ? rowTops[r + 1].Word!.Top + 1 : end;
                for (var c = 0; c < columns.Count; c++)
                {
                    var left = lefts[c] - 2;
                    var right = c + 1 < columns.Count ? lefts[c + 1] - 2 : double.MaxValue;
                    var lines = below
                        .Where(w => w.Top <= top && w.Top > bottom && w.Left >= left && w.Left < right)
                        .GroupBy(w => Math.Round(w.Top))
                        .OrderByDescending(line => line.Key)
                        .Select(line => string.Join(" ", line.OrderBy(w => w.Left).Select(w => w.Text)));
                    cells[(rowTops[r].Row, columns[c])] = JoinLines(lines);
                }
            }
        }
        return cells;
    }

    /// <summary>Lines joined by spaces, except after a line that broke at a hyphen ("Customer-" / "managed").</summary>
    private static string JoinLines(IEnumerable<string> lines) =>
        lines.Aggregate("", (text, line) => text.Length == 0 ? line : text.EndsWith('-') ? text + line : $"{text} {line}");

    private static string FirstWord(string text) => text.Split(' ', 2)[0];
}
