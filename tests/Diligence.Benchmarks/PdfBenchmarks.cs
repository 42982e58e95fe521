using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Diligence.Core.WriteUp;
using Diligence.Reports;
using Microsoft.Playwright;

namespace Diligence.Benchmarks;

/// <summary>
/// Printing the Astro write-up's HTML: <see cref="PdfRenderer"/> with a warm browser against a bare Playwright
/// <c>SetContentAsync</c> + <c>PdfAsync</c> on a reused page of a browser started with the same executable and flags
/// (goal: within 1.2×) and against a cold <c>chromium --headless --print-to-pdf</c> of Debian's full browser (goal: at
/// least 4× faster). The full two-pass export is measured too.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private WriteUp _writeUp = null!;
    private WriteUpRenderer _renderer = null!;
    private PdfRenderer _pdf = null!;
    private WriteUpExporter _exporter = null!;
    private PdfPageSetup _setup = null!;
    private string _html = null!;
    private string _htmlFile = null!;
    private string _coldOutput = null!;
    private const string FullChromium = "/usr/bin/chromium";

    private string _chromium = null!;
    private string _coldChromium = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _barePage = null!;

    [GlobalSetup]
    public async Task Start()
    {
        var questionnaire = WriteUpReview.LoadQuestionnaire();
        var astro = WriteUpReview.LoadAstro(questionnaire);
        _writeUp = new WriteUpBuilder(questionnaire).Build(astro, astro.AsOf ?? new DateOnly(2026, 11, 23));
        _renderer = WriteUpRenderer.Load(Path.Combine(WriteUpReview.Root, "templates"));
        _html = _renderer.RenderHtml(_writeUp);
        _setup = new PdfPageSetup(PaperSize.A4, _renderer.RenderPageHeader(_writeUp), _renderer.RenderPageFooter(_writeUp), _writeUp.Title, _writeUp.Author);
        _chromium = ChromiumLocator.Locate(null);
        // The cold baseline is the full browser's `chromium --headless`; the renderer prefers the lighter shell.
        _coldChromium = File.Exists(FullChromium) ? FullChromium : _chromium;

        _pdf = new PdfRenderer(new ReportsOptions { RenderWorkers = 1, RecycleAfter = 10_000 });
        _exporter = new WriteUpExporter(_renderer, _pdf);
        await _pdf.RenderAsync(_html, _setup);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = _chromium, Args = BrowserPool.LaunchArguments });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        _barePage = await context.NewPageAsync();
        await BarePlaywright();

        _htmlFile = Path.Combine(Path.GetTempPath(), $"diligence-bench-{Environment.ProcessId}.html");
        _coldOutput = Path.ChangeExtension(_htmlFile, ".pdf");
        await File.WriteAllTextAsync(_htmlFile, _html);
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        await _pdf.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        File.Delete(_htmlFile);
        File.Delete(_coldOutput);
    }

    [Benchmark(Baseline = true)]
    public async Task<byte[]> BarePlaywright()
    {
        await _barePage.SetContentAsync(_html);
        return await _barePage.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = _setup.HeaderTemplate,
            FooterTemplate = _setup.FooterTemplate,
            Margin = new Margin { Top = "22mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            Outline = true,
            Tagged = true,
        });
    }

    [Benchmark]
    public Task<byte[]> WarmPdfRenderer() => _pdf.RenderAsync(_html, _setup);

    [Benchmark]
    public Task<WriteUpExport> TwoPassExport() => _exporter.ExportAsync(_writeUp, PaperSize.A4);

    [Benchmark]
    public async Task<long> ColdChromium()
    {
        var start = new ProcessStartInfo(_coldChromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--headless", .. BrowserPool.LaunchArguments, "--no-pdf-header-footer", $"--print-to-pdf={_coldOutput}", new Uri(_htmlFile).AbsoluteUri])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new FileInfo(_coldOutput).Length;
    }
}
