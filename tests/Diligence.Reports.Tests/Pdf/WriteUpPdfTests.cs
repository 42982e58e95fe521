using Diligence.Core.Answers;
using Diligence.Core.Evaluation;

namespace Diligence.Reports.Tests.Pdf;

public sealed class WriteUpPdfTests
{
    private static IEnumerable<string> AllRendered => [.. RenderedWriteUps.Samples, "fixture", "fixture-letter", "fixture-rejected"];

    [Test]
    public void A_rejected_review_states_the_committees_decision_date_recorder_and_rationale_apart_from_the_recommendation()
    {
        var text = RenderedWriteUps.Get("fixture-rejected").Text;
        var cover = PdfText.Normalize(text.Pages[0]);
        var summary = PdfText.Normalize(text.Pages[text.PageStarting("Executive summary")]);
        var signOff = PdfText.Normalize(text.Pages[text.PageStarting("Sign-off")]);

        Assert.That(cover, Does.Contain("Reviewer's recommendation Approve with conditions"));
        Assert.That(cover, Does.Contain("Committee decision Rejected on 4 March 2026 by Chris Chair"));
        Assert.That(summary, Does.Contain("REVIEWER'S RECOMMENDATION COMMITTEE DECISION Approve with conditions Rejected"));
        Assert.That(summary, Does.Contain("Rejected by the security committee on 4 March 2026, recorded by Chris Chair. "
            + "Rationale: Inbound access into our network is a hard stop for this workload."));
        Assert.That(signOff, Does.Contain("Committee decision: Rejected on 4 March 2026, recorded by Chris Chair."));
        Assert.That(signOff, Does.Contain("Rationale: Inbound access into our network is a hard stop for this workload."));
        Assert.That(signOff, Does.Contain("The reviewer recommended: Approve with conditions."));
        Assert.That(cover + summary + signOff, Does.Not.Contain("Recommended decision").And.Not.Contain("RECOMMENDED DECISION"));
        Assert.That(text.All, Does.Not.Contain("Decision recorded"));
    }

    [TestCase("fixture", "Approve with conditions")]
    [TestCase("astronomer-astro", "Not yet made")]
    public void An_undecided_review_says_no_decision_is_recorded_and_calls_the_recommendation_a_recommendation(string name, string recommendation)
    {
        var text = RenderedWriteUps.Get(name).Text;
        var cover = PdfText.Normalize(text.Pages[0]);
        var signOff = PdfText.Normalize(text.Pages[text.PageStarting("Sign-off")]);

        Assert.That(cover, Does.Contain("Committee decision No decision recorded yet"));
        Assert.That(cover, Does.Contain($"Reviewer's recommendation {recommendation}"));
        Assert.That(signOff, Does.Contain("Committee decision: No decision recorded yet."));
        var summary = PdfText.Normalize(text.Pages[text.PageStarting("Executive summary")]);
        Assert.That(summary, Does.Contain("Committee decision No decision recorded yet."));
        // The step that asks for it may print the question "Recommended decision"; the verdicts never call it the decision.
        Assert.That(cover + summary + signOff, Does.Not.Contain("Recommended decision").And.Not.Contain("RECOMMENDED DECISION"));
        Assert.That(text.All, Does.Not.Contain("Decision: Approve").And.Not.Contain("Decision Approve").And.Not.Contain("Decision recorded"));
    }

    [TestCaseSource(nameof(AllRendered))]
    public void Every_page_says_page_x_of_y_and_carries_the_marking(string name)
    {
        var text = RenderedWriteUps.Get(name).Text;

        Assert.That(text.Pages, Has.Count.EqualTo(RenderedWriteUps.Get(name).Export.PageCount).And.Count.GreaterThan(12));
        for (var page = 1; page <= text.Pages.Count; page++)
        {
            Assert.That(text.Pages[page - 1], Does.Contain($"Page {page} of {text.Pages.Count}"), $"page {page}");
            Assert.That(text.Pages[page - 1], Does.Contain("CONFIDENTIAL"), $"page {page}");
        }
    }

    [TestCaseSource(nameof(AllRendered))]
    public void The_outline_has_an_entry_per_part_in_order(string name)
    {
        var (writeUp, _, text) = RenderedWriteUps.Get(name);

        var expected = writeUp.Contents.Select(h => h.Number is null ? h.Title : $"{h.Number} {h.Title}");
        Assert.That(text.TopLevelOutline.Select(n => PdfText.Normalize(n.Title)), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(AllRendered))]
    public void Table_of_contents_page_numbers_are_the_pages_where_the_parts_start(string name)
    {
        var (writeUp, _, text) = RenderedWriteUps.Get(name);
        var contents = text.Pages[1];
        Assert.That(contents, Does.StartWith("Contents").Or.Contain(" Contents "));

        foreach (var heading in writeUp.Contents)
        {
            var title = heading.Number is null ? heading.Title : $"{heading.Number} {heading.Title}";
            // The heading type shows where a part really starts; the contents page must print that page's number.
            var start = text.PageStarting(title) + 1;
            Assert.That(start, Is.GreaterThan(2), $"'{title}' starts on no page");
            Assert.That(contents, Does.Contain($"{title} {start} "), $"'{title}' starts on page {start}");
        }
    }

    [TestCaseSource(nameof(AllRendered))]
    public void No_markdown_or_html_markup_reaches_the_text(string name)
    {
        var all = RenderedWriteUps.Get(name).Text.All;

        Assert.That(all, Does.Not.Contain("**"));
        Assert.That(all, Does.Not.Contain("<p>").And.Not.Contain("</p>").And.Not.Contain("<strong>").And.Not.Contain("<br"));
        Assert.That(all, Does.Not.Contain("&lt;").And.Not.Contain("&amp;").And.Not.Contain("&#x27;"));
        Assert.That(RenderedWriteUps.Get(name).Text.Pages.Any(p => p.StartsWith("# ", StringComparison.Ordinal) || p.Contains(" # ", StringComparison.Ordinal)), Is.False);
        Assert.That(all, Does.Not.Contain("](http"), "markdown links are rendered, not shown");
    }

    [TestCaseSource(nameof(AllRendered))]
    public void Each_raised_finding_is_in_the_pdf(string name)
    {
        var (writeUp, _, text) = RenderedWriteUps.Get(name);
        var findings = writeUp.Sections.SelectMany(s => s.Findings).SelectMany(g => g.Findings).ToList();

        Assert.That(findings, Is.Not.Empty);
        foreach (var finding in findings)
            Assert.That(PdfText.ContainsInterleaved(text.All, finding.Text), Is.True, finding.Text);
    }

    [TestCaseSource(nameof(Samples))]
    public void The_data_boundary_table_carries_every_answered_cell_under_its_row_and_column(string sample)
    {
        var (writeUp, _, text) = RenderedWriteUps.Get(sample);
        var table = writeUp.Sections.SelectMany(s => s.Groups).SelectMany(g => g.Answers).Single(a => a.Key == "boundary.component-locations").Table!;
        var item = (Core.Definitions.MatrixItem)Reviews.Questionnaire.FindItemByKey("boundary.component-locations")!;
        var matrix = (MatrixValue)Reviews.Sample(sample)["boundary.component-locations"]!.Value;
        var first = text.PageStarting("3 Data boundary");

        var printed = PdfTable.Read(text, first, 2, "Component", table.Columns, [.. item.Rows.Select(r => r.Label)]);

        var cells = 0;
        foreach (var (rowId, answered) in matrix.Rows)
        {
            foreach (var (columnId, cell) in answered)
            {
                var row = item.FindRow(rowId)!.Label;
                var column = table.Columns[item.Columns.Where(c => table.Columns.Contains(c.Label.Split(" (")[0])).ToList().FindIndex(c => c.Id == columnId)];
                Assert.That(printed.GetValueOrDefault((row, column)), Is.EqualTo(PdfText.Normalize(((TextValue)cell).Text)), $"{row} × {column}");
                cells++;
            }
        }
        Assert.That(cells, Is.Positive);
    }

    [Test]
    public void Markup_in_an_answer_is_printed_as_text_and_nothing_is_fetched()
    {
        var all = RenderedWriteUps.Get("fixture").Text.All;

        Assert.That(all, Does.Contain("<script>alert('pwned')</script>"));
        Assert.That(all, Does.Contain("<img src=http://tracker.invalid/pixel.png>"));
        Assert.That(RenderedWriteUps.BlockedRequestsAfterWriteUps, Is.Zero, "a write-up never makes a network request");
    }

    [Test]
    public void The_pdf_names_the_questionnaire_version_and_hash_and_has_title_and_author()
    {
        var (writeUp, _, text) = RenderedWriteUps.Get("fixture");

        Assert.That(text.All, Does.Contain(writeUp.QuestionnaireHash).And.Contain("vendor-security-diligence 1.0.0"));
        Assert.That(text.Title, Is.EqualTo("Fixture Corp Pipeline: Vendor security diligence"));
        Assert.That(text.Author, Is.EqualTo("Diligence"));
        Assert.That(text.IsTagged, Is.True);
    }

    [Test]
    public void Expiry_call_outs_and_the_evidence_register_are_printed()
    {
        var all = RenderedWriteUps.Get("fixture").Text.All;

        Assert.That(all, Does.Contain("Expired 45 days ago").And.Contain("Expires in 45 days").And.Contain("Expires in 31 days"));
        Assert.That(all, Does.Contain("SOC 2 Type II report").And.Contain("Under NDA").And.Contain("https://trust.example.com/pentest"));
    }

    [Test]
    public void Paper_is_a4_or_us_letter()
    {
        Assert.That(RenderedWriteUps.Get("fixture").Text.PageWidth, Is.EqualTo(595.92).Within(1));
        Assert.That(RenderedWriteUps.Get("fixture-letter").Text.PageWidth, Is.EqualTo(612).Within(1));
    }

    [Test]
    public void A_table_that_runs_over_a_page_repeats_its_header_row()
    {
        var text = RenderedWriteUps.Get("astronomer-astro").Text;
        var start = text.PageStarting("5 Shared responsibility");

        // Astro's HIPAA obligations do not fit under the first page of the table.
        var continued = text.Pages[start + 1];
        Assert.That(continued, Does.Contain("Applies to Vendor Customer Cloud provider"));
    }

    [Test]
    public void The_findings_of_a_plain_answers_file_are_the_evaluators()
    {
        var sheet = Reviews.Sample("astral");
        var raised = new QuestionnaireEvaluator(Reviews.Questionnaire).Evaluate(sheet, sheet.AsOf!.Value).Findings;
        var all = RenderedWriteUps.Get("astral").Text.All;

        foreach (var finding in raised)
            Assert.That(PdfText.ContainsInterleaved(all, finding.Text), Is.True, finding.Text);
    }

    private static IEnumerable<string> Samples => RenderedWriteUps.Samples;
}
