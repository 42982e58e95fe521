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

        Assert.That(error!.Message, Does.Contain(missing).And.Contain("Debian package 'chromium'"));
    }

    [Test]
    public void Chromium_is_found_on_the_system_path()
    {
        Assert.That(ChromiumLocator.Locate(null), Does.EndWith("chromium").Or.EndWith("chromium-browser").Or.EndWith("google-chrome"));
    }
}
