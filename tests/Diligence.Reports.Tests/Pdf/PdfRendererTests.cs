namespace Diligence.Reports.Tests.Pdf;

public sealed class PdfRendererTests
{
    private static PdfPageSetup Setup(PaperSize paper = PaperSize.A4) =>
        new(paper, "<span></span>", "<span style=\"font-size: 8pt\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span>", "Test", "Tester");

    [Test]
    public async Task A_request_in_the_html_is_blocked_and_counted()
    {
        var before = RenderedWriteUps.Renderer.BlockedRequests;

        var pdf = await RenderedWriteUps.Renderer.RenderAsync(
            "<!DOCTYPE html><title>t</title><p>before</p><img src=\"http://tracker.invalid/pixel.png\"><link rel=stylesheet href=\"https://cdn.invalid/x.css\"><p>after</p>",
            Setup());

        Assert.That(RenderedWriteUps.Renderer.BlockedRequests - before, Is.EqualTo(2));
        Assert.That(new PdfText(pdf).All, Does.Contain("before").And.Contain("after"));
    }

    [Test]
    public async Task A_layout_print_breaks_the_pages_as_the_full_print_does_without_the_running_header_and_footer()
    {
        var (writeUp, export, full) = RenderedWriteUps.Get("astronomer-astro");
        var setup = new PdfPageSetup(PaperSize.A4, RenderedWriteUps.Templates.RenderPageHeader(writeUp),
            RenderedWriteUps.Templates.RenderPageFooter(writeUp), writeUp.Title, writeUp.Author);

        var layout = new PdfText(await RenderedWriteUps.Renderer.RenderLayoutAsync(export.Html, setup));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layout.Pages, Has.Count.EqualTo(export.PageCount));
            Assert.That(layout.TopLevelOutline.Select(n => (n.Title, n.PageNumber)), Is.EqualTo(full.TopLevelOutline.Select(n => (n.Title, n.PageNumber))));
            Assert.That(full.All, Does.Contain($"Page 1 of {export.PageCount}"));
            Assert.That(layout.All, Does.Not.Contain($"Page 1 of {export.PageCount}"));
        }
    }

    [Test]
    public async Task Scripts_do_not_run()
    {
        var pdf = await RenderedWriteUps.Renderer.RenderAsync(
            "<!DOCTYPE html><title>t</title><p id=p>static text</p><script>document.getElementById('p').textContent = 'script ran';</script>",
            Setup());

        Assert.That(new PdfText(pdf).All, Does.Contain("static text").And.Not.Contain("script ran"));
    }

    [Test]
    public async Task Pages_are_recycled_and_renders_can_run_side_by_side()
    {
        await using var renderer = new PdfRenderer(new ReportsOptions { RenderWorkers = 2, RecycleAfter = 1 });

        var pdfs = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            renderer.RenderAsync($"<!DOCTYPE html><title>t</title><p>document {i}</p>", Setup())));

        for (var i = 0; i < pdfs.Length; i++)
            Assert.That(new PdfText(pdfs[i]).All, Does.Contain($"document {i + 1}"));
    }

    [Test]
    public async Task Document_information_carries_title_and_author()
    {
        var pdf = await RenderedWriteUps.Renderer.RenderAsync("<!DOCTYPE html><title>Ignored</title><p>x</p>", Setup() with { Title = "Écrit · Title", Author = "Zoë Analyst" });

        var text = new PdfText(pdf);
        Assert.That((text.Title, text.Author), Is.EqualTo(("Écrit · Title", "Zoë Analyst")));
    }

    [Test]
    public async Task A_missing_chromium_is_named_with_the_package_to_install()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-chromium-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<ChromiumNotFoundException>(async () =>
        {
            await using var renderer = new PdfRenderer(new ReportsOptions { ChromiumPath = missing });
            await renderer.RenderAsync("<p>x</p>", Setup());
        });

        Assert.That(error!.Message, Does.Contain(missing).And.Contain("Debian package 'chromium'").And.Contain("'chromium-headless-shell'"));
    }

    [Test]
    public async Task The_driver_gets_its_node_options_before_the_operators_and_the_environment_is_left_as_it_was()
    {
        const string Operators = "--stack-trace-limit=20";
        var original = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        var earlier = DriversNodeOptions().Keys.ToHashSet();
        Environment.SetEnvironmentVariable("NODE_OPTIONS", Operators);
        try
        {
            await using var renderer = new PdfRenderer(new ReportsOptions());
            var pdf = await renderer.RenderAsync("<!DOCTYPE html><title>t</title><p>printed</p>", Setup());

            Assert.That(Environment.GetEnvironmentVariable("NODE_OPTIONS"), Is.EqualTo(Operators));
            Assert.That(DriversNodeOptions().Where(driver => !earlier.Contains(driver.Key)).Select(driver => driver.Value),
                Is.EqualTo(new[] { "--max-semi-space-size=1 --max-old-space-size=256 --stack-trace-limit=20" }));
            Assert.That(new PdfText(pdf).All, Does.Contain("printed"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NODE_OPTIONS", original);
        }
    }

    [Test]
    public async Task A_driver_that_died_is_started_again_for_the_next_document()
    {
        var earlier = DriversNodeOptions().Keys.ToHashSet();
        await using var renderer = new PdfRenderer(new ReportsOptions());
        await renderer.RenderAsync("<!DOCTYPE html><title>t</title><p>first</p>", Setup());
        var driver = DriversNodeOptions().Keys.Single(pid => !earlier.Contains(pid));

        using (var process = System.Diagnostics.Process.GetProcessById(driver))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        // Playwright reports a dead driver as a closed target or as its own disposed transport, depending on timing.
        var failed = await Assert.CatchAsync(async () => await renderer.RenderAsync("<!DOCTYPE html><title>t</title><p>lost</p>", Setup()));
        var pdf = await renderer.RenderAsync("<!DOCTYPE html><title>t</title><p>second</p>", Setup());

        Assert.That(failed, Is.Not.Null, "the document in flight when the driver died fails");
        Assert.That(new PdfText(pdf).All, Does.Contain("second"));
    }

    [Test]
    public void The_headless_shell_is_found_on_the_system_path_before_the_full_browser()
    {
        Assert.That(ChromiumLocator.Locate(null), Does.EndWith("/chromium-headless-shell"));
    }

    /// <summary>Process id → NODE_OPTIONS of every Playwright driver (node) this test process started, read from /proc.</summary>
    private static Dictionary<int, string?> DriversNodeOptions()
    {
        var drivers = new Dictionary<int, string?>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parent != Environment.ProcessId || Path.GetFileName(new FileInfo(Path.Combine(folder, "exe")).LinkTarget) != "node")
                    continue;
                var environment = File.ReadAllText(Path.Combine(folder, "environ")).Split('\0');
                drivers[pid] = environment.FirstOrDefault(entry => entry.StartsWith("NODE_OPTIONS=", StringComparison.Ordinal))?["NODE_OPTIONS=".Length..];
            }
            catch (IOException)
            {
                // The process ended while it was being read: it is no driver of this test.
            }
        }
        return drivers;
    }
}
