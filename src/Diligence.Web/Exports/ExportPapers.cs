using Diligence.Reports;

namespace Diligence.Web.Exports;

/// <summary>Paper names as exports store them ("A4", "Letter").</summary>
public static class ExportPapers
{
    public const string A4 = "A4";
    public const string Letter = "Letter";

    public static string NameOf(PaperSize paper) => paper == PaperSize.Letter ? Letter : A4;

    public static PaperSize SizeOf(string paper) =>
        string.Equals(paper, Letter, StringComparison.OrdinalIgnoreCase) ? PaperSize.Letter : PaperSize.A4;

    /// <summary>The stored name of a posted choice, or null when it is neither paper.</summary>
    public static string? Parse(string? choice) =>
        string.Equals(choice, A4, StringComparison.OrdinalIgnoreCase) ? A4
        : string.Equals(choice, Letter, StringComparison.OrdinalIgnoreCase) ? Letter
        : null;
}
