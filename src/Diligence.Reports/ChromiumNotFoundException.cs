namespace Diligence.Reports;

/// <summary>No Chromium to render PDFs with; the message says where it was looked for and how to install it.</summary>
public sealed class ChromiumNotFoundException(string message) : Exception(message);
