using System.Globalization;
using System.Text;

namespace Diligence.Core.Exports;

/// <summary>
/// The download name of a write-up: "Vendor - Product - security write-up - yyyy-MM-dd - Paper.pdf", safe on any file
/// system. The paper is part of it so an A4 and a Letter export of one day do not overwrite each other in a downloads folder.
/// </summary>
public static class ExportFileName
{
    private const int MaxPartLength = 80;

    public static string For(string vendor, string? product, DateOnly day, string paper)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(paper);
        var parts = new List<string> { Clean(vendor) is { Length: > 0 } name ? name : "Vendor" };
        if (product is not null && Clean(product) is { Length: > 0 } cleanProduct)
        {
            parts.Add(cleanProduct);
        }
        parts.Add("security write-up");
        parts.Add(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Clean(paper) is { Length: > 0 } cleanPaper)
        {
            parts.Add(cleanPaper);
        }
        return string.Join(" - ", parts) + ".pdf";
    }

    // Characters Windows, macOS or a shell would trip on become spaces; runs of spaces collapse.
    private static string Clean(string text)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(invalid.Contains(c) || char.IsControl(c) ? ' ' : c);
        }
        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        return cleaned.Length > MaxPartLength ? cleaned[..MaxPartLength].TrimEnd() : cleaned;
    }
}
