using System.IO.Compression;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Interchange;
using Diligence.Tests.Shared;

namespace Diligence.Web.Tests.Library;

/// <summary>
/// Small workbooks that unpack into something large are refused by their package, before ClosedXML loads them, with a
/// message that says which limit was crossed.
/// </summary>
public sealed class WorkbookPackageTests
{
    private static readonly Lazy<QuestionnaireEvaluator> _evaluator = new(() => new QuestionnaireEvaluator(
        QuestionnaireLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml")).Value!));

    private static IReadOnlyList<string> Refusal(byte[] workbook)
    {
        var (sheet, problems) = WorkbookImporter.Read(new MemoryStream(workbook), _evaluator.Value, new DateOnly(2026, 11, 23), Audience.Both);
        Assert.That(sheet, Is.Null);
        return problems;
    }

    [Test]
    public void A_million_row_bomb_is_refused_by_its_row_count()
    {
        var bomb = HostileWorkbooks.Rows(1_000_000);

        Assert.That(bomb, Has.Length.LessThan(100_000), "a small upload");
        Assert.That(Refusal(bomb), Is.EqualTo(new[] { WorkbookPackage.TooManyRows }));
        Assert.That(WorkbookPackage.TooManyRows, Is.EqualTo(
            "The workbook has more than 10,000 rows; at most 10,000 are read. Remove empty rows or split the answers across workbooks."));
    }

    [Test]
    public void Rows_within_the_limit_pass_the_package_check()
    {
        Assert.That(WorkbookPackage.Check(new MemoryStream(HostileWorkbooks.Rows(WorkbookLayout.MaxRows - 2))), Is.Null);
        Assert.That(WorkbookPackage.Check(new MemoryStream(HostileWorkbooks.Rows(WorkbookLayout.MaxRows - 1))), Is.EqualTo(WorkbookPackage.TooManyRows));
    }

    [Test]
    public void A_million_cells_in_few_rows_are_refused_by_their_count()
    {
        var bomb = HostileWorkbooks.Cells(1_000, cellsPerRow: 1_000);

        Assert.That(bomb, Has.Length.LessThan(100_000), "a small upload");
        Assert.That(Refusal(bomb), Is.EqualTo(new[] { WorkbookPackage.TooManyCells }));
        Assert.That(WorkbookPackage.TooManyCells, Is.EqualTo(
            "The workbook has more than 90,000 cells; at most 90,000 are read. Remove cells outside the answer columns or split the answers across workbooks."));
    }

    [Test]
    public void A_strict_open_xml_sheet_is_counted_too()
    {
        var strict = HostileWorkbooks.Replacing(HostileWorkbooks.Rows(1_000_000),
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main");

        Assert.That(Refusal(strict), Is.EqualTo(new[] { WorkbookPackage.TooManyRows }));
    }

    [Test]
    public void A_ten_million_character_cell_is_refused_by_its_length()
    {
        Assert.That(Refusal(HostileWorkbooks.LongCell(10_000_000)), Is.EqualTo(new[] { WorkbookPackage.CellTooLong }));
        Assert.That(WorkbookPackage.CellTooLong, Is.EqualTo("A cell holds more than 32,767 characters, more than Excel allows; shorten it."));
    }

    [Test]
    public void A_cell_as_long_as_the_largest_answer_passes_the_package_check()
    {
        Assert.That(WorkbookPackage.Check(new MemoryStream(HostileWorkbooks.LongCell(WorkbookPackage.MaxCellCharacters))), Is.Null);
        Assert.That(WorkbookPackage.Check(new MemoryStream(HostileWorkbooks.LongCell(WorkbookPackage.MaxCellCharacters + 1))), Is.EqualTo(WorkbookPackage.CellTooLong));
    }

    [Test]
    public void A_workbook_declaring_more_than_20_MB_unpacked_is_refused()
    {
        Assert.That(Refusal(HostileWorkbooks.LongCell(21 * 1024 * 1024)), Is.EqualTo(new[] { WorkbookPackage.TooLargeUnpacked }));
        Assert.That(WorkbookPackage.TooLargeUnpacked, Is.EqualTo(
            "The workbook unpacks to more than 20 MB; remove images, extra formatting and empty rows, or split the answers across workbooks."));
    }

    [Test]
    public void A_part_never_unpacks_past_the_size_it_declares()
    {
        // The package check sums the declared sizes: this pins the zip reader's promise that makes that enough.
        var lying = HostileWorkbooks.LyingAboutItsSize(21 * 1024 * 1024);
        using var archive = new ZipArchive(new MemoryStream(lying), ZipArchiveMode.Read);
        var entry = archive.Entries.Single();
        var unpacked = 0L;
        try
        {
            using var part = entry.Open();
            var buffer = new byte[81_920];
            for (int read; (read = part.Read(buffer)) > 0;)
            {
                unpacked += read;
            }
        }
        catch (InvalidDataException)
        {
            // Refusing the excess outright keeps the promise too.
        }

        Assert.That(entry.Length, Is.EqualTo(1024));
        Assert.That(unpacked, Is.LessThanOrEqualTo(1024));
        Assert.That(Refusal(lying), Is.EqualTo(new[] { WorkbookImporter.NotAWorkbook }));
    }

    [Test]
    public void A_package_of_too_many_parts_is_refused()
    {
        Assert.That(Refusal(HostileWorkbooks.Parts(WorkbookPackage.MaxParts + 1)), Is.EqualTo(new[] { WorkbookPackage.TooManyParts }));
        Assert.That(WorkbookPackage.TooManyParts, Is.EqualTo(
            "The workbook has more than 200 parts; export a fresh one from Diligence and enter the answers there."));
    }

    [Test]
    public void A_file_that_is_not_a_zip_is_not_a_workbook()
    {
        Assert.That(Refusal("not a zip"u8.ToArray()), Is.EqualTo(new[] { WorkbookImporter.NotAWorkbook }));
    }
}
