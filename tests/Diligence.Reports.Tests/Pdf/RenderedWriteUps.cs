using Diligence.Core.WriteUp;

namespace Diligence.Reports.Tests.Pdf;

/// <summary>
/// One Chromium for the PDF tests (as in production: one browser per process, pages reused), and each review's
/// write-up rendered once. Chromium is a prerequisite (scripts/prerequisites.sh): without it these tests fail.
/// </summary>
[SetUpFixture]
public sealed class RenderedWriteUps
{
    private static readonly Dictionary<string, (WriteUp WriteUp, WriteUpExport Export, PdfText Text)> _rendered = [];

    public static PdfRenderer Renderer { get; private set; } = null!;

    public static WriteUpRenderer Templates { get; private set; } = null!;

    public static int BlockedRequestsAfterWriteUps { get; private set; }

    public static IReadOnlyList<string> Samples { get; } = ["astronomer-astro", "astral", "astralog"];

    internal static (WriteUp WriteUp, WriteUpExport Export, PdfText Text) Get(string name) => _rendered[name];

    [OneTimeSetUp]
    public async Task RenderAll()
    {
        Renderer = new PdfRenderer(new ReportsOptions { RenderWorkers = 2, RecycleAfter = 3 });
        Templates = WriteUpRenderer.Load(Reviews.TemplatesFolder);
        var exporter = new WriteUpExporter(Templates, Renderer);
        foreach (var sample in Samples)
            await Render(exporter, sample, Reviews.WriteUpOf(Reviews.Sample(sample)), PaperSize.A4);
        await Render(exporter, "fixture", Reviews.WriteUpOf(Reviews.Fixture()), PaperSize.A4);
        await Render(exporter, "fixture-letter", Reviews.WriteUpOf(Reviews.Fixture()), PaperSize.Letter);
        await Render(exporter, "fixture-rejected", Reviews.WriteUpOf(Reviews.Fixture(), facts: Reviews.Rejected), PaperSize.A4);
        BlockedRequestsAfterWriteUps = Renderer.BlockedRequests;
    }

    [OneTimeTearDown]
    public async Task StopChromium() => await Renderer.DisposeAsync();

    private static async Task Render(WriteUpExporter exporter, string name, WriteUp writeUp, PaperSize paper)
    {
        var export = await exporter.ExportAsync(writeUp, paper);
        _rendered[name] = (writeUp, export, new PdfText(export.Pdf));
    }
}
