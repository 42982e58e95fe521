using System.ComponentModel.DataAnnotations;

namespace Diligence.Reports;

/// <summary>The <c>Reports</c> configuration section.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Chromium's executable; when empty, <c>DILIGENCE_CHROMIUM</c>, then the system path is searched.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>The templates folder; when empty, <c>templates/</c> beside <c>Diligence.sln</c> above the application.</summary>
    public string? TemplatesPath { get; set; }

    public PaperSize Paper { get; set; } = PaperSize.A4;

    /// <summary>Pages rendering at once, one per render worker.</summary>
    [Range(1, 8)]
    public int RenderWorkers { get; set; } = 2;

    /// <summary>A page is closed and replaced after this many documents (and after any error).</summary>
    [Range(1, 10_000)]
    public int RecycleAfter { get; set; } = 50;

    [Range(1, 600)]
    public int RenderTimeoutSeconds { get; set; } = 60;
}
