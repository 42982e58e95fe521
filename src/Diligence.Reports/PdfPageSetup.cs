namespace Diligence.Reports;

/// <summary>
/// How one PDF is printed: paper, Chromium's running header and footer templates, and the document information
/// (<see cref="Title"/> also comes from the HTML's <c>title</c>; <see cref="Author"/> is written after printing).
/// </summary>
public sealed record PdfPageSetup(
    PaperSize Paper,
    string HeaderTemplate,
    string FooterTemplate,
    string Title,
    string Author,
    string? Subject = null,
    string? Keywords = null);
