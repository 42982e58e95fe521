using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Diligence.Reports;

/// <summary>
/// Sets a PDF's document information (title, author, subject, keywords) by an incremental update: a new Info
/// dictionary, a one-entry cross-reference section and a trailer pointing back at the original. Chromium writes the
/// title from the HTML but no author.
/// </summary>
internal static partial class PdfInformation
{
    /// <summary>The PDF with the new information appended; unchanged if its trailer is not the classic kind Chromium writes.</summary>
    public static byte[] Write(byte[] pdf, string title, string author, string? subject, string? keywords)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 4096), Math.Min(pdf.Length, 4096));
        var trailer = TrailerPattern().Match(tail);
        if (!trailer.Success)
            return pdf;
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var previous = trailer.Groups["startxref"].Value;

        var update = new StringBuilder();
        update.Append('\n');
        var objectOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{size} 0 obj\n<</Title {Text(title)} /Author {Text(author)}");
        if (subject is not null)
            update.Append(CultureInfo.InvariantCulture, $" /Subject {Text(subject)}");
        if (keywords is not null)
            update.Append(CultureInfo.InvariantCulture, $" /Keywords {Text(keywords)}");
        update.Append(CultureInfo.InvariantCulture, $" /Creator {Text("Diligence")} /Producer {Text("Chromium (Skia/PDF)")}>>\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{size} 1\n{objectOffset:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size + 1} /Root {trailer.Groups["root"].Value} /Info {size} 0 R /Prev {previous}>>\nstartxref\n{xrefOffset}\n%%EOF\n");

        // Everything appended is ASCII, so characters and bytes count alike.
        var appended = Encoding.ASCII.GetBytes(update.ToString());
        var result = new byte[pdf.Length + appended.Length];
        pdf.CopyTo(result, 0);
        appended.CopyTo(result, pdf.Length);
        return result;
    }

    /// <summary>A PDF text string in UTF-16BE with a byte-order mark, written as hex: safe for any character.</summary>
    private static string Text(string value)
    {
        var builder = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(value))
            builder.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return builder.Append('>').ToString();
    }

    [GeneratedRegex(@"trailer\s*<<(?=[^>]*/Size (?<size>\d+))(?=[^>]*/Root (?<root>\d+ \d+ R))[^>]*>>\s*startxref\s*(?<startxref>\d+)\s*%%EOF\s*$")]
    private static partial Regex TrailerPattern();
}
