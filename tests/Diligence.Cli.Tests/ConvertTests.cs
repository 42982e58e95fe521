using ClosedXML.Excel;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Tests.Shared;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

/// <summary><c>diligence convert</c>: answers files to workbooks and back, losslessly; bad inputs refused with their place.</summary>
public sealed class ConvertTests
{
    private static readonly string _questionnaire = RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml");
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private static string Sample(string name) => RepositoryRoot.Combine("questionnaires", "samples", name);

    [TestCase("astronomer-astro.answers.yaml")]
    [TestCase("astral.answers.yaml")]
    [TestCase("astralog.answers.yaml")]
    public void A_sample_converted_to_a_workbook_and_back_keeps_every_answer(string sample)
    {
        var workbook = _folder.Path("answers.xlsx");
        var back = _folder.Path("back.yaml");

        var there = CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", Sample(sample), "--out", workbook);
        var again = CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", workbook, "--out", back);

        var questionnaire = QuestionnaireLoader.LoadFile(_questionnaire).Value!;
        var original = AnswersLoader.LoadFile(Sample(sample), questionnaire).Value!;
        var converted = AnswersLoader.LoadFile(back, questionnaire).Value!;
        Assert.Multiple(() =>
        {
            Assert.That((there.ExitCode, there.Stderr), Is.EqualTo((Cli.Success, "")));
            Assert.That(there.Stdout, Is.EqualTo($"{workbook}: ok — {original.Count} answers to vendor-security-diligence 1.0.0\n"));
            Assert.That((again.ExitCode, again.Stderr), Is.EqualTo((Cli.Success, "")));
            Assert.That(Json(converted), Is.EqualTo(Json(original)));
            Assert.That((converted.VendorName, converted.Product, converted.AsOf), Is.EqualTo((original.VendorName, original.Product, original.AsOf)));
            Assert.That(File.ReadAllText(back), Is.EqualTo(AnswersWriter.Write(original, questionnaire)));
        });
    }

    [Test]
    public void A_file_that_is_not_a_workbook_is_refused_and_nothing_is_written()
    {
        var input = _folder.Write("answers.xlsx", "questionnaire: not a workbook");
        var output = _folder.Path("out.yaml");

        var run = CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", input, "--out", output);

        Assert.That((run.ExitCode, run.Stdout, run.Stderr), Is.EqualTo((Cli.Failure, "", $"{input}: error: The file is not an Excel workbook (.xlsx).\n")));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void A_workbook_cell_that_does_not_fit_is_reported_at_its_sheet_row_and_column()
    {
        var workbookPath = _folder.Path("astral.xlsx");
        CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", Sample("astral.answers.yaml"), "--out", workbookPath);
        int row;
        using (var workbook = new XLWorkbook(workbookPath))
        {
            var sheet = workbook.Worksheet("data-boundary");
            row = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "ai.in-use").RowNumber();
            sheet.Cell(row, 3).SetValue("maybe");
            sheet.Cell(row, 9).SetValue("last spring");
            workbook.Save();
        }
        var output = _folder.Path("out.yaml");

        var run = CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", workbookPath, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(Cli.Failure));
        Assert.That(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"{workbookPath}: error: Sheet 'data-boundary', row {row}, column C: answer 'ai.in-use': expected yes, no or na",
            $"{workbookPath}: error: Sheet 'data-boundary', row {row}, column I: answer 'ai.in-use', asOf: invalid date 'last spring'; expected YYYY-MM-DD",
        }));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void An_answers_file_with_errors_is_reported_by_line_and_column_and_nothing_is_written()
    {
        var input = _folder.Write("bad.yaml", """
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            answers:
              ai.in-use: { value: yes }
              no.such.key: { value: x }
            """);
        var output = _folder.Path("out.xlsx");

        var run = CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", input, "--out", output);

        Assert.That((run.ExitCode, run.Stderr), Is.EqualTo((Cli.Failure, $"{input}:4:3: error: unknown answer key 'no.such.key'\n")));
        Assert.That(File.Exists(output), Is.False);
    }

    [TestCase("answers.csv", "out.xlsx", ConvertCommand.UnknownInput)]
    [TestCase("answers.yaml", "out.pdf", ConvertCommand.UnknownOutput)]
    public void Other_file_types_are_a_usage_error(string input, string output, string message)
    {
        var run = CliRun.Of("convert", "--questionnaire", _questionnaire, "--in", _folder.Path(input), "--out", _folder.Path(output));

        Assert.That((run.ExitCode, run.Stderr), Is.EqualTo((Cli.UsageError, message + "\n")));
    }

    private static Dictionary<string, string> Json(AnswerSheet sheet) =>
        sheet.ByKey.ToDictionary(a => a.Key, a => AnswerJson.Serialize(a.Value), StringComparer.Ordinal);
}
