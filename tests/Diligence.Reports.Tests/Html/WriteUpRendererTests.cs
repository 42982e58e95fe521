using Diligence.Core.Reviews;
using Diligence.Core.WriteUp;

namespace Diligence.Reports.Tests.Html;

public sealed class WriteUpRendererTests
{
    private static readonly Lazy<WriteUpRenderer> _renderer = new(() => WriteUpRenderer.Load(Reviews.TemplatesFolder));

    private string _scratch = null!;

    [SetUp]
    public void CreateScratchFolder()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "diligence-templates-" + Guid.NewGuid().ToString("N"));
        CopyFolder(Reviews.TemplatesFolder, _scratch);
    }

    [TearDown]
    public void DeleteScratchFolder() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void The_fixture_review_renders_to_the_committed_golden_html()
    {
        var facts = new ReviewFacts
        {
            ReviewId = "REV-0042",
            Status = ReviewStatus.ReadyForCommittee,
            Reviewer = "Ada Analyst",
            PreparedOn = new DateOnly(2026, 3, 2),
            Provenance = new Dictionary<string, AnswerOrigin>
            {
                ["network.inbound-required"] = AnswerOrigin.VendorSupplied,
                ["workload.criticality"] = AnswerOrigin.ReviewerConfirmed,
                ["identity.sso"] = AnswerOrigin.ReviewerOverridden,
            },
        };
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture(), Reviews.FixtureDay, facts);

        var html = _renderer.Value.RenderHtml(writeUp);

        GoldenFile.AssertMatches("reviewed-vendor.html", html);
    }

    [Test]
    public void Markup_in_answers_is_text_and_markdown_is_rendered_without_raw_html()
    {
        var html = _renderer.Value.RenderHtml(Reviews.WriteUpOf(Reviews.Fixture()));

        Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
        Assert.That(html, Does.Not.Contain("<img").IgnoreCase);
        Assert.That(html, Does.Contain("&lt;script&gt;alert("));
        Assert.That(html, Does.Contain("&lt;img src=http://tracker.invalid/pixel.png&gt;"));
        Assert.That(html, Does.Contain("The <strong>claims</strong> pipeline"));
        Assert.That(html, Does.Contain("<p class=\"md-heading\">Claims pipeline</p>"), "a heading in an answer must not join the outline");
        Assert.That(html, Does.Not.Contain("**"));
    }

    [Test]
    public void Page_numbers_fill_the_table_of_contents()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());
        var pages = writeUp.Contents.Select((h, i) => (h.Anchor, Page: i + 4)).ToDictionary(p => p.Anchor, p => p.Page);

        var html = _renderer.Value.RenderHtml(writeUp, pages);

        Assert.That(html, Does.Contain("<a href=\"#step-data-boundary\">Data boundary</a></td>\n        <td class=\"toc-page\">7</td>"));
    }

    [Test]
    public void The_running_header_and_footer_carry_vendor_marking_and_page_placeholders()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());

        Assert.That(_renderer.Value.RenderPageHeader(writeUp), Does.Contain("Fixture Corp Pipeline").And.Contain("Confidential"));
        Assert.That(_renderer.Value.RenderPageFooter(writeUp), Does.Contain("<span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span>"));
    }

    [Test]
    public void A_syntax_error_in_a_partial_is_reported_with_its_file_line_and_column()
    {
        var partial = Path.Combine(_scratch, "write-up", "partials", "sign-off.liquid");
        File.WriteAllText(partial, "<section>\n  <p>{{ write_up.sign_off.decision | }}</p>\n</section>\n");

        var error = Assert.Throws<WriteUpTemplateException>(() => WriteUpRenderer.Load(_scratch));

        Assert.That(error!.Message, Is.EqualTo($"{partial}:2:37: An identifier was expected after the '|' sign"));
    }

    [Test]
    public void An_unclosed_tag_in_the_document_is_reported_with_its_position()
    {
        var document = Path.Combine(_scratch, "write-up", "document.liquid");
        File.WriteAllText(document, "<html>\n{% for section in write_up.sections %}\n<p>{{ section.title }}</p>\n</html>\n");

        var error = Assert.Throws<WriteUpTemplateException>(() => WriteUpRenderer.Load(_scratch));

        Assert.That((error!.File, error.Line), Is.EqualTo((document, 4)));
        Assert.That(error.Problem, Does.Contain("endfor"));
    }

    [Test]
    public void An_unknown_filter_is_an_error_rather_than_silently_ignored()
    {
        File.WriteAllText(Path.Combine(_scratch, "write-up", "partials", "sign-off.liquid"), "<p>{{ write_up.title | shout }}</p>\n");
        var renderer = WriteUpRenderer.Load(_scratch);

        var error = Assert.Throws<WriteUpTemplateException>(() => renderer.RenderHtml(Reviews.WriteUpOf(Reviews.Fixture())));

        Assert.That(error!.Message, Does.Contain("shout"));
    }

    [Test]
    public void Templates_are_read_from_the_folder_at_load_so_an_edit_needs_no_rebuild()
    {
        var stylesheet = Path.Combine(_scratch, "write-up", WriteUpRenderer.Stylesheet);
        File.AppendAllText(stylesheet, "\n.edited-without-rebuilding { color: red; }\n");

        var html = WriteUpRenderer.Load(_scratch).RenderHtml(Reviews.WriteUpOf(Reviews.Fixture()));

        Assert.That(html, Does.Contain(".edited-without-rebuilding"));
    }

    [Test]
    public void The_templates_folder_is_found_beside_the_solution_by_default()
    {
        Assert.That(TemplateFolder.Locate(null), Is.EqualTo(Reviews.TemplatesFolder));
        Assert.Throws<DirectoryNotFoundException>(() => TemplateFolder.Locate(Path.Combine(_scratch, "missing")));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
