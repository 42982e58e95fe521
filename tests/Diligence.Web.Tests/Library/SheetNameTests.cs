using ClosedXML.Excel;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Interchange;
using Diligence.Tests.Shared;

namespace Diligence.Web.Tests.Library;

/// <summary>
/// Every questionnaire gets a workbook: sheet names Excel accepts and no two alike, and a sheet a person renamed is
/// still its step (issue 18, part 1, point 5).
/// </summary>
public sealed class SheetNameTests
{
    private const string LongPrefix = "identity-and-secrets-management-";

    private static readonly string Crowded = $$"""
        id: crowded
        version: 1.0.0
        title: Steps whose ids make bad sheet names
        status: published
        steps:
          - id: {{LongPrefix}}sso
            title: Single sign-on
            items:
              - { id: sso, key: crowded.sso, type: text, prompt: Which identity providers? }
          - id: {{LongPrefix}}scim
            title: Provisioning
            items:
              - { id: scim, key: crowded.scim, type: text, prompt: How are users provisioned? }
          - id: answers-file
            title: A step named as the header sheet
            items:
              - { id: header-like, key: crowded.header-like, type: text, prompt: Anything else? }
        """;

    [Test]
    public void Sheet_names_are_valid_unique_and_at_most_31_characters()
    {
        var names = WorkbookLayout.SheetNames([$"{LongPrefix}sso", $"{LongPrefix}scim", "answers-file", "a/b:c[d]*e?f\\g", "'quoted'", "History"]);

        Assert.That(names.Values, Is.EqualTo(new[]
        {
            "identity-and-secrets-management",
            "identity-and-secrets-manageme~2",
            "answers-file~2",
            "a-b-c-d--e-f-g",
            "quoted",
            "History~2",
        }));
        Assert.That(names.Values.All(n => n.Length <= 31));
    }

    [Test]
    public void Steps_sharing_their_first_31_characters_and_one_called_answers_file_export_and_import_back()
    {
        var questionnaire = QuestionnaireLoader.Load(Crowded, "crowded.yaml").Value!;
        var answers = new AnswerSheet(questionnaire.Id, questionnaire.Version,
        [
            new("crowded.sso", new Answer(new TextValue("Okta"))),
            new("crowded.scim", new Answer(new TextValue("SCIM 2.0"))),
            new("crowded.header-like", new Answer(new TextValue("Nothing"))),
        ]);

        var (read, problems) = RoundTrip(questionnaire, answers, _ => { });

        Assert.That(problems, Is.Empty);
        Assert.That(read?.ByKey.Keys, Is.EquivalentTo(answers.ByKey.Keys));
        Assert.That(read?["crowded.scim"]?.Value, Is.EqualTo(new TextValue("SCIM 2.0")));
    }

    [Test]
    public void A_renamed_sheet_still_imports_as_its_step()
    {
        var questionnaire = QuestionnaireLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml")).Value!;
        var astronomer = AnswersLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "samples", "astronomer-astro.answers.yaml"), questionnaire).Value!;

        var deployment = questionnaire.Steps.Select(s => s.Id).ToList().IndexOf("deployment");

        // Excel and Calc rewrite the step's name to the new sheet name on a rename; ClosedXML does not, so the test does.
        var (read, problems) = RoundTrip(questionnaire, astronomer, w =>
        {
            w.Worksheet("deployment").Name = "Our deployment";
            w.NamedRange(WorkbookLayout.StepName(deployment)).SetRefersTo("'Our deployment'!$A$1");
        });

        Assert.That(problems, Is.Empty);
        Assert.That(read?["deployment.models-offered"]?.Value, Is.EqualTo(astronomer["deployment.models-offered"]?.Value));
    }

    [Test]
    public void An_answer_longer_than_a_cell_holds_goes_on_in_continuation_rows_and_imports_back_whole()
    {
        var questionnaire = QuestionnaireLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml")).Value!;
        // 90 obligations of about 500 characters: 47 KB of JSON, within the 64 KB an answer may hold, over a cell's 32,767.
        var entries = string.Join("\n", Enumerable.Range(1, 90).Select(i =>
            $"      - customer-obligation: \"Obligation {i}: {new string('x', 480)} é€😀\"\n        customer-obligation-scope: \"Hosted\""));
        var answers = AnswersLoader.Load(
            $"questionnaire: {{ id: {questionnaire.Id}, version: {questionnaire.Version} }}\nanswers:\n  responsibility.customer:\n    value:\n{entries}\n",
            "long.yaml", questionnaire).Value!;
        var json = WorkbookExporter.ValueText(answers["responsibility.customer"]!.Value);
        Assert.That(json.Length, Is.GreaterThan(WorkbookPackage.MaxCellCharacters));

        using var workbook = new XLWorkbook(new MemoryStream(WorkbookExporter.Export(answers, questionnaire, Audience.Both)));
        var sheet = workbook.Worksheet("shared-responsibility");
        var rows = sheet.RowsUsed().Where(r => r.Cell(WorkbookLayout.KeyColumn).GetString() == "responsibility.customer").ToList();
        var (read, problems) = RoundTrip(questionnaire, answers, _ => { });

        Assert.That(rows.Select(r => r.Cell(2).GetString()).Skip(1), Is.EqualTo(new[] { WorkbookLayout.Continued }));
        Assert.That(rows.Max(r => r.Cell(WorkbookLayout.AnswerColumn).GetString().Length), Is.LessThanOrEqualTo(WorkbookPackage.MaxCellCharacters));
        Assert.That(problems, Is.Empty);
        Assert.That(read?["responsibility.customer"]?.Value, Is.EqualTo(answers["responsibility.customer"]!.Value));
    }

    private static (AnswerSheet? Sheet, IReadOnlyList<string> Problems) RoundTrip(Questionnaire questionnaire, AnswerSheet answers, Action<XLWorkbook> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(WorkbookExporter.Export(answers, questionnaire, Audience.Both)));
        edit(workbook);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        saved.Position = 0;
        return WorkbookImporter.Read(saved, new QuestionnaireEvaluator(questionnaire), new DateOnly(2026, 12, 1), Audience.Both);
    }
}
