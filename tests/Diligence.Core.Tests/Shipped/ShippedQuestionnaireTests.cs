using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Shipped;

/// <summary>
/// The questionnaire and sample answers shipped in <c>questionnaires/</c> are part of the product: they must load cleanly
/// with the same loader the CLI and web app use, and the samples must hold what the vendors' pages state.
/// </summary>
public sealed class ShippedQuestionnaireTests
{
    private static readonly string[] PathStepIds =
    [
        "workload", "deployment", "data-boundary", "network", "shared-responsibility",
        "certifications", "governance", "audit", "identity", "pilot",
    ];

    private static readonly Lazy<LoadResult<Questionnaire>> Shipped =
        new(() => QuestionnaireLoader.LoadFile(ShippedFiles.Questionnaire));

    private static Questionnaire Questionnaire =>
        Shipped.Value.Value ?? throw new InvalidOperationException(
            "The shipped questionnaire did not load: " + string.Join(Environment.NewLine, Shipped.Value.Diagnostics));

    [Test]
    public void The_shipped_questionnaire_loads_without_any_diagnostic()
    {
        var result = Shipped.Value;

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void The_shipped_questionnaire_is_published_as_version_1_0_0()
    {
        Assert.That(Questionnaire.Id, Is.EqualTo("vendor-security-diligence"));
        Assert.That(Questionnaire.Version, Is.EqualTo("1.0.0"));
        Assert.That(Questionnaire.Status, Is.EqualTo(QuestionnaireStatus.Published));
    }

    [Test]
    public void The_shipped_questionnaire_starts_with_the_ten_path_steps_in_order()
    {
        var stepIds = Questionnaire.Steps.Select(s => s.Id).ToList();

        Assert.That(stepIds.Take(PathStepIds.Length), Is.EqualTo(PathStepIds));
    }

    [Test]
    public void Every_step_tells_the_committee_what_it_settles()
    {
        Assert.That(Questionnaire.Steps.Where(s => string.IsNullOrWhiteSpace(s.Intro)).Select(s => s.Id), Is.Empty);
    }

    [Test]
    public void The_deployment_models_offered_include_bring_your_own_cloud()
    {
        var models = Questionnaire.FindItemByKey("deployment.models-offered") as ChoiceItem;

        Assert.That(models, Is.Not.Null);
        Assert.That(
            models!.Options.Select(o => o.Id),
            Is.EqualTo(new[] { "hosted", "dedicated", "remote-execution", "private-cloud", "byoc" }));
    }

    [Test]
    public void The_data_boundary_matrix_takes_its_columns_from_the_deployment_models()
    {
        var boundary = Questionnaire.FindItemByKey("boundary.component-locations") as MatrixItem;

        Assert.That(boundary, Is.Not.Null);
        Assert.That(
            boundary!.Rows.Select(r => r.Id),
            Is.EqualTo(new[] { "control-plane", "task-execution", "code", "logs", "secrets", "data", "metadata", "backups" }));
        Assert.That(boundary.ColumnsFrom, Is.EqualTo("deployment-models"));
    }

    [Test]
    public void On_roadmap_only_is_a_real_answer_for_a_certification()
    {
        var status = Questionnaire.FindItemByKey("certifications.held.status") as ChoiceItem;

        Assert.That(status, Is.Not.Null);
        Assert.That(status!.Options.Select(o => o.Id), Does.Contain("roadmap"));
    }
}
