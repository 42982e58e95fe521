using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private static readonly DateOnly _today = new(2026, 11, 1);
    private static readonly Lazy<Questionnaire> _everyType = new(() => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!);
    private static readonly Lazy<AnswerSheet> _answers = new(() =>
        AnswersLoader.LoadFile(TestFiles.Valid(Path.Combine("answers", "every-type.yaml")), _everyType.Value).Value!);

    private static Core.Evaluation.Evaluation Evaluate(AnswerSheet sheet) =>
        new QuestionnaireEvaluator(_everyType.Value).Evaluate(sheet, _today);

    [Test]
    public void Nothing_answered_shows_only_unconditional_items_and_counts_their_required_ones()
    {
        var evaluation = Evaluate(AnswerSheet.Empty(_everyType.Value));

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.IsStepVisible("profile"), Is.True);
            Assert.That(evaluation.IsStepVisible("deployment"), Is.False, "visible when data-classes is answered");
            Assert.That(evaluation.IsStepVisible("pilot"), Is.False);
            Assert.That(evaluation.ForStep("profile"), Is.EqualTo(new Progress(0, 2)));
            Assert.That(evaluation.ForStep("deployment"), Is.EqualTo(new Progress(0, 0)));
            Assert.That(evaluation.Overall, Is.EqualTo(new Progress(0, 2)));
            Assert.That(evaluation.Overall.Percent, Is.EqualTo(0));
            Assert.That(evaluation.MissingRequired, Is.EqualTo(new[] { "profile.data-classes", "profile.criticality" }));
            Assert.That(evaluation.Findings.Select(f => f.SourceId), Is.EqualTo(new[] { "rule:no-trust-page" }));
        });
    }

    [Test]
    public void Answering_reveals_steps_and_counts_progress_per_step()
    {
        var evaluation = Evaluate(_answers.Value);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.ForStep("profile"), Is.EqualTo(new Progress(2, 2)));
            Assert.That(evaluation.ForStep("deployment"), Is.EqualTo(new Progress(2, 2)));
            Assert.That(evaluation.Overall, Is.EqualTo(new Progress(4, 4)));
            Assert.That(evaluation.Overall.Percent, Is.EqualTo(100));
            Assert.That(evaluation.MissingRequired, Is.Empty);
            Assert.That(evaluation.IsVisible("pilot-scope"), Is.True);
            Assert.That(evaluation.IsVisible("no-cert-reason"), Is.False);
            Assert.That(evaluation.IsVisible("cert-expiry"), Is.True, "a sub-item is visible with its repeat");
        });
    }

    [Test]
    public void RequiredWhen_makes_an_item_required_only_while_its_condition_holds()
    {
        var sheet = _answers.Value.With("deployment.models-offered", new Answer(new ChoicesValue(["remote-execution"])))
            .With("network.inbound-required", null);

        var evaluation = Evaluate(sheet);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.IsRequired("inbound-required"), Is.True);
            Assert.That(evaluation.MissingRequired, Is.EqualTo(new[] { "network.inbound-required" }));
            Assert.That(evaluation.ForStep("deployment"), Is.EqualTo(new Progress(1, 2)));
            Assert.That(evaluation.Overall.Percent, Is.EqualTo(75));
            var hostedOnly = sheet.With("deployment.models-offered", new Answer(new ChoicesValue(["hosted"])));
            Assert.That(Evaluate(hostedOnly).IsRequired("inbound-required"), Is.False);
            Assert.That(Evaluate(hostedOnly).MissingRequired, Is.Empty);
        });
    }

    [Test]
    public void Flags_of_chosen_options_raise_findings_with_their_ask()
    {
        var findings = Evaluate(_answers.Value).Findings;

        Assert.That(findings, Is.EqualTo(new[]
        {
            new RaisedFinding("flag:profile.data-classes:phi", FindingSeverity.Medium, "The workload touches PHI.", null, "profile.data-classes"),
            new RaisedFinding("flag:profile.criticality:high", FindingSeverity.Low, "A critical workload depends on the vendor.", "What is the fallback?", "profile.criticality"),
        }));
    }

    [Test]
    public void A_yes_no_na_flag_and_a_rule_on_several_answers_raise_findings()
    {
        var sheet = _answers.Value.With("network.inbound-required", new Answer(new ChoiceValue("yes")));

        var findings = Evaluate(sheet).Findings.Select(f => f.SourceId);

        Assert.That(findings, Is.EqualTo(new[]
        {
            "flag:profile.data-classes:phi", "flag:profile.criticality:high", "flag:network.inbound-required:yes", "rule:phi-with-inbound",
        }));
    }

    [Test]
    public void A_rule_with_a_duration_holds_once_the_date_is_old_enough()
    {
        var sheet = _answers.Value.With("certifications.soc2-period-end", new Answer(new DateValue(new DateOnly(2025, 10, 31))));

        Assert.That(Evaluate(sheet).Findings.Select(f => f.SourceId), Does.Contain("rule:old-soc2"));
    }

    [Test]
    public void Hidden_items_are_ignored_by_progress_and_findings()
    {
        var sheet = _answers.Value
            .With("profile.data-classes", null)
            .With("network.inbound-required", new Answer(new ChoiceValue("yes")));

        var evaluation = Evaluate(sheet);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.IsVisible("inbound-required"), Is.False);
            Assert.That(evaluation.Findings.Select(f => f.SourceId), Has.None.StartsWith("flag:network"));
            Assert.That(evaluation.Overall, Is.EqualTo(new Progress(1, 2)));
        });
    }

    [Test]
    public void A_flag_inside_a_repeat_is_raised_once_however_many_entries_choose_it()
    {
        const string Yaml = """
            id: repeat-flags
            version: 1.0.0
            title: Repeat flags
            status: draft
            steps:
              - id: only
                title: Only
                items:
                  - id: certs
                    key: certs
                    type: repeat
                    prompt: Certifications
                    items:
                      - { id: state, key: certs.state, type: single-choice, prompt: State, options: [ { id: ok, label: OK }, { id: expired, label: Expired, flag: { severity: high, finding: A certification expired. } } ] }
            """;
        var questionnaire = QuestionnaireLoader.Load(Yaml, "repeat-flags.yaml").Value!;
        var sheet = AnswerSheet.Empty(questionnaire).With("certs", new Answer(new RepeatValue(
        [
            new Dictionary<string, AnswerValue> { ["state"] = new ChoiceValue("expired") },
            new Dictionary<string, AnswerValue> { ["state"] = new ChoiceValue("ok") },
            new Dictionary<string, AnswerValue> { ["state"] = new ChoiceValue("expired") },
        ])));

        var findings = new QuestionnaireEvaluator(questionnaire).Evaluate(sheet, _today).Findings;

        Assert.That(findings, Is.EqualTo(new[] { new RaisedFinding("flag:certs.state:expired", FindingSeverity.High, "A certification expired.", null, "certs") }));
    }

    [Test]
    public void Unknown_ids_are_refused()
    {
        var evaluation = Evaluate(_answers.Value);

        Assert.Multiple(() =>
        {
            Assert.That(() => evaluation.IsVisible("no-such-item"), Throws.ArgumentException);
            Assert.That(() => evaluation.IsRequired("no-such-item"), Throws.ArgumentException);
            Assert.That(() => evaluation.ForStep("no-such-step"), Throws.ArgumentException);
        });
    }

    [Test]
    public void One_evaluator_serves_concurrent_evaluations()
    {
        var evaluator = new QuestionnaireEvaluator(_everyType.Value);
        var sheets = new[] { AnswerSheet.Empty(_everyType.Value), _answers.Value };
        var expected = sheets.Select(s => evaluator.Evaluate(s, _today).Findings.Count).ToArray();

        var results = new int[400];
        Parallel.For(0, results.Length, i => results[i] = evaluator.Evaluate(sheets[i % 2], _today).Findings.Count);

        Assert.That(results.Select((count, i) => count == expected[i % 2]), Is.All.True);
    }

    [Test]
    public void Progress_percent_rounds_down_and_nothing_required_is_complete()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new Progress(2, 3).Percent, Is.EqualTo(66));
            Assert.That(new Progress(0, 0).Percent, Is.EqualTo(100));
            Assert.That(new Progress(0, 0).IsComplete, Is.True);
        });
    }
}
