namespace Diligence.Reports;

/// <summary>A rendered write-up: the PDF, the HTML it was printed from, its page count and SHA-256 (lower-case hex).</summary>
public sealed record WriteUpExport(byte[] Pdf, string Html, int PageCount, string Sha256);
