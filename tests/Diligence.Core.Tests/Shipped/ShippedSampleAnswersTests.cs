using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.Tests.Shipped;

/// <summary>
/// The sample vendor pre-answers in <c>questionnaires/samples/</c> load against the shipped questionnaire and hold what
/// the vendors' public pages state.
/// </summary>
public sealed class ShippedSampleAnswersTests
{
    private const string Astro = "astronomer-astro.answers.yaml";
    private const string Astral = "astral.answers.yaml";
    private const string Astralog = "astralog.answers.yaml";

    private static readonly DateOnly EvaluationDay = new(2026, 11, 23);

    private static readonly string[] BoundaryColumns = ["hosted", "dedicated", "remote-execution", "private-cloud"];

    /// <summary>Seed 000 (Astro diligence page) §3, copied cell for cell; its rows mapped onto the questionnaire's row ids.</summary>
    private static readonly (string Row, string[] Cells)[] AstroBoundaryTable =
    [
        ("control-plane", ["Astronomer infrastructure", "Astronomer infrastructure (single-tenant)", "Astronomer infrastructure", "Customer infrastructure"]),
        ("task-execution", ["Astronomer infrastructure", "Astronomer infrastructure", "Customer infrastructure", "Customer infrastructure"]),
        ("code", ["Astronomer infrastructure", "Astronomer infrastructure (isolated)", "Customer infrastructure", "Customer infrastructure"]),
        ("logs", ["Astronomer infrastructure", "Astronomer infrastructure (isolated)", "Customer infrastructure", "Customer infrastructure"]),
        ("secrets",
        [
            "Astronomer-managed secret backend, or customer-managed (Vault, AWS Secrets Manager, GCP Secret Manager, Azure Key Vault)",
            "Same, with tenant isolation", "Customer-managed", "Customer-managed",
        ]),
        ("data", ["Wherever tasks read/write it (customer's warehouse, storage, etc.)", "Same", "Customer infrastructure", "Customer infrastructure"]),
        ("metadata", ["Astronomer infrastructure", "Astronomer infrastructure (isolated)", "Astronomer control plane", "Customer infrastructure"]),
    ];

    private static readonly Lazy<Questionnaire> Questionnaire = new(() =>
    {
        var result = QuestionnaireLoader.LoadFile(ShippedFiles.Questionnaire);
        return result.Value ?? throw new InvalidOperationException(
            "The shipped questionnaire did not load: " + string.Join(Environment.NewLine, result.Diagnostics));
    });

    private static IEnumerable<TestCaseData> AstroBoundaryCells() =>
        from row in AstroBoundaryTable
        from column in BoundaryColumns.Select((id, index) => (id, index))
        select new TestCaseData(row.Row, column.id, row.Cells[column.index]).SetArgDisplayNames(row.Row, column.id);

    [TestCase(Astro)]
    [TestCase(Astral)]
    [TestCase(Astralog)]
    public void A_sample_answers_file_loads_against_the_shipped_questionnaire_without_any_diagnostic(string fileName)
    {
        var result = AnswersLoader.LoadFile(ShippedFiles.Sample(fileName), Questionnaire.Value);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Value!.QuestionnaireId, Is.EqualTo(Questionnaire.Value.Id));
        Assert.That(result.Value.QuestionnaireVersion, Is.EqualTo(Questionnaire.Value.Version));
    }

    [TestCaseSource(nameof(AstroBoundaryCells))]
    public void The_Astro_sample_holds_the_diligence_page_boundary_table_cell_for_cell(string row, string column, string expected)
    {
        var boundary = Load(Astro)["boundary.component-locations"]?.Value as MatrixValue;

        Assert.That(boundary, Is.Not.Null);
        Assert.That(boundary![row, column], Is.EqualTo(new TextValue(expected)));
    }

    [Test]
    public void The_Astro_sample_boundary_table_has_no_cell_the_diligence_page_does_not_state()
    {
        var boundary = (MatrixValue)Load(Astro)["boundary.component-locations"]!.Value;

        Assert.That(boundary.Rows.Keys, Is.EquivalentTo(AstroBoundaryTable.Select(r => r.Row)));
        Assert.That(boundary.Rows.Values.Select(columns => columns.Keys.Order()), Has.All.EqualTo(BoundaryColumns.Order()));
    }

    [Test]
    public void The_Astro_sample_lists_each_party_s_obligations_from_both_Astro_pages()
    {
        var sheet = Load(Astro);

        Assert.That(EntryCount(sheet, "responsibility.vendor"), Is.EqualTo(5 + 7));
        Assert.That(EntryCount(sheet, "responsibility.customer"), Is.EqualTo(5 + 11));
        Assert.That(EntryCount(sheet, "responsibility.cloud-provider"), Is.EqualTo(3));
    }

    [Test]
    public void The_Astro_sample_raises_no_rule_finding()
    {
        var evaluation = Evaluate(Astro);

        Assert.That(evaluation.Findings.Where(f => f.SourceId.StartsWith("rule:", StringComparison.Ordinal)).Select(f => f.SourceId), Is.Empty);
    }

    [Test]
    public void The_Astral_sample_holds_SOC_2_Type_I_attested_and_Type_II_in_progress()
    {
        var soc2 = Certifications(Load(Astral)).Where(c => c.Framework == "soc2").ToList();

        Assert.That(soc2, Does.Contain(("soc2", "Type I", "certified")));
        Assert.That(soc2, Does.Contain(("soc2", "Type II", "in-progress")));
    }

    [Test]
    public void The_Astralog_sample_has_no_certified_framework()
    {
        var certified = Certifications(Load(Astralog)).Where(c => c.Status == "certified");

        Assert.That(certified, Is.Empty);
    }

    [Test]
    public void The_Astralog_sample_raises_the_no_certified_framework_finding()
    {
        var evaluation = Evaluate(Astralog);

        Assert.That(evaluation.Findings.Select(f => f.SourceId), Does.Contain("rule:no-certified-framework"));
    }

    [Test]
    public void The_Astralog_sample_answers_its_roadmap_controls_as_on_the_roadmap()
    {
        var sheet = Load(Astralog);

        Assert.That(sheet["governance.rbac"]?.Value, Is.EqualTo(new ChoiceValue("roadmap")));
        Assert.That(sheet["audit.per-action-logs"]?.Value, Is.EqualTo(new ChoiceValue("roadmap")));
        Assert.That(sheet["identity.sso"]?.Value, Is.EqualTo(new ChoiceValue("roadmap")));
        Assert.That(sheet["deployment.models-roadmap"]?.Value, Is.EqualTo(new ChoicesValue(["private-cloud"])));
    }

    private static AnswerSheet Load(string fileName)
    {
        var result = AnswersLoader.LoadFile(ShippedFiles.Sample(fileName), Questionnaire.Value);
        return result.Value ?? throw new InvalidOperationException(
            $"{fileName} did not load: " + string.Join(Environment.NewLine, result.Diagnostics));
    }

    private static Core.Evaluation.Evaluation Evaluate(string fileName) =>
        new QuestionnaireEvaluator(Questionnaire.Value).Evaluate(Load(fileName), EvaluationDay);

    private static int EntryCount(AnswerSheet sheet, string key) =>
        (sheet[key]?.Value as RepeatValue)?.Entries.Count ?? 0;

    private static IEnumerable<(string Framework, string? Type, string? Status)> Certifications(AnswerSheet sheet) =>
        from entry in (sheet["certifications.held"]?.Value as RepeatValue)?.Entries ?? []
        select (
            ((ChoiceValue)entry["cert-framework"]).OptionId,
            (entry.GetValueOrDefault("cert-type") as TextValue)?.Text,
            (entry.GetValueOrDefault("cert-status") as ChoiceValue)?.OptionId);
}
