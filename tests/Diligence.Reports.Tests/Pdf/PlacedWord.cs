namespace Diligence.Reports.Tests.Pdf;

/// <summary>A word on a PDF page: its left edge and baseline (PDF points, y upwards).</summary>
internal sealed record PlacedWord(string Text, double Left, double Top);
