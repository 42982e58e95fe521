using System.Globalization;
using ClosedXML.Excel;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Interchange;
using Diligence.Tests.Shared;

namespace Diligence.Web.Tests.Library;

/// <summary>
/// What Excel and Calc store when someone types into an answers workbook (a date cell, a number cell, "1,500" as text),
/// read the same on every machine, whatever its culture (issue 18, part 1, points 1 to 3).
/// </summary>
[TestFixture("en-US")]
[TestFixture("de-DE")]
public sealed class SpreadsheetCellTests(string culture)
{
    private static readonly Questionnaire Shipped =
        QuestionnaireLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml")).Value!;

    private static readonly AnswerSheet Astronomer =
        AnswersLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "samples", "astronomer-astro.answers.yaml"), Shipped).Value!;

    private CultureInfo _before = null!;

    [SetUp]
    public void UseCulture()
    {
        _before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
    }

    [TearDown]
    public void RestoreCulture() => CultureInfo.CurrentCulture = _before;

    [Test]
    public void A_date_typed_into_an_answer_cell_is_read_as_that_date()
    {
        var (sheet, problems) = ReadAfter(w => AnswerCell(w, "pilot", "pilot.start").SetValue(new DateTime(2027, 1, 15)));

        Assert.That(problems, Is.Empty);
        Assert.That(sheet?["pilot.start"]?.Value, Is.EqualTo(new DateValue(new DateOnly(2027, 1, 15))));
    }

    [Test]
    public void The_header_as_of_date_typed_as_a_date_is_read_as_that_date()
    {
        var (sheet, problems) = ReadAfter(w => w.Worksheet(WorkbookLayout.HeaderSheet).Cell(5, 2).SetValue(new DateTime(2026, 10, 1)));

        Assert.That(problems, Is.Empty);
        Assert.That(sheet?.AsOf, Is.EqualTo(new DateOnly(2026, 10, 1)));
    }

    [Test]
    public void Dates_are_exported_as_date_cells_shown_as_iso_dates()
    {
        using var workbook = Exported(new AnswerSheet(Astronomer.QuestionnaireId, Astronomer.QuestionnaireVersion, Astronomer.ByKey,
            Astronomer.VendorName, Astronomer.Product, new DateOnly(2026, 11, 1)));

        var asOf = workbook.Worksheet(WorkbookLayout.HeaderSheet).Cell(5, 2);
        var pilotStart = AnswerCell(workbook, "pilot", "pilot.start");

        Assert.That((asOf.DataType, asOf.GetDateTime(), asOf.Style.NumberFormat.Format),
            Is.EqualTo((XLDataType.DateTime, new DateTime(2026, 11, 1), "yyyy-mm-dd")));
        Assert.That(pilotStart.Style.NumberFormat.Format, Is.EqualTo("yyyy-mm-dd"), "an empty date answer takes a typed date as a date");
    }

    [Test]
    public void A_number_cell_reads_the_same_in_every_culture()
    {
        var (sheet, problems) = ReadAfter(w => AnswerCell(w, "data-boundary", "retention.disposal-days").SetValue(30d));

        Assert.That(problems, Is.Empty);
        Assert.That(sheet?["retention.disposal-days"]?.Value, Is.EqualTo(new NumberValue(30m)));
    }

    [Test]
    public void A_decimal_in_a_number_cell_reaches_the_item_rules_instead_of_breaking_the_row()
    {
        var (_, problems) = ReadAfter(w => AnswerCell(w, "data-boundary", "retention.disposal-days").SetValue(2.5d));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("Sheet 'data-boundary', row ").And.Contain("column C: ").And.Contain("whole number"));
    }

    [Test]
    public void Text_with_thousands_separators_in_a_number_cell_is_that_number()
    {
        var (sheet, problems) = ReadAfter(w =>
        {
            var cell = AnswerCell(w, "data-boundary", "retention.disposal-days");
            cell.SetValue("1,500");
            cell.DataType = XLDataType.Text;
        });

        Assert.That(problems, Is.Empty);
        Assert.That(sheet?["retention.disposal-days"]?.Value, Is.EqualTo(new NumberValue(1500m)));
    }

    [Test]
    public void A_comma_that_is_not_a_thousands_separator_is_refused_as_not_a_number_and_adds_no_field()
    {
        var (sheet, problems) = ReadAfter(w =>
        {
            var cell = AnswerCell(w, "data-boundary", "retention.disposal-days");
            cell.SetValue("1,5");
            cell.DataType = XLDataType.Text;
        });

        Assert.That(sheet, Is.Null);
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("column C: ").And.Not.Contain("unknown field"));
    }

    private static (AnswerSheet? Sheet, IReadOnlyList<string> Problems) ReadAfter(Action<XLWorkbook> edit)
    {
        using var workbook = Exported(Astronomer);
        edit(workbook);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        saved.Position = 0;
        return WorkbookImporter.Read(saved, new QuestionnaireEvaluator(Shipped), new DateOnly(2026, 12, 1), Audience.Both);
    }

    private static XLWorkbook Exported(AnswerSheet answers) =>
        new(new MemoryStream(WorkbookExporter.Export(answers, Shipped, Audience.Both)));

    private static IXLCell AnswerCell(XLWorkbook workbook, string sheet, string key)
    {
        var worksheet = workbook.Worksheet(sheet);
        var row = worksheet.RowsUsed().First(r => r.Cell(WorkbookLayout.KeyColumn).GetString() == key).RowNumber();
        return worksheet.Cell(row, WorkbookLayout.AnswerColumn);
    }
}
