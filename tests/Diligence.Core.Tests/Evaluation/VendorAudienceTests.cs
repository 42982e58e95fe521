using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.Tests.Evaluation;

/// <summary>
/// Vendors never see reviewer-only answers: for their view, a visibility condition that reads a reviewer-only item
/// counts as met, and a vendor library refuses answers to reviewer-only items.
/// </summary>
public sealed class VendorAudienceTests
{
    private const string Yaml = """
        id: audience
        version: 1.0.0
        title: Audience
        status: draft
        steps:
          - id: first
            title: First
            items:
              - { id: scope, key: f.scope, type: yes-no-na, prompt: In scope?, audience: [reviewer] }
              - { id: hosted, key: f.hosted, type: yes-no-na, prompt: Hosted?, audience: [vendor] }
              - { id: detail, key: f.detail, type: text, prompt: Detail, audience: [vendor], visibleWhen: { question: scope, op: eq, value: yes } }
              - { id: negated, key: f.negated, type: text, prompt: Negated, audience: [vendor], visibleWhen: { not: [ { question: scope, op: eq, value: yes } ] } }
              - { id: mixed, key: f.mixed, type: text, prompt: Mixed, audience: [vendor], visibleWhen: { all: [ { question: scope, op: eq, value: yes }, { question: hosted, op: eq, value: yes } ] } }
              - { id: plain, key: f.plain, type: text, prompt: Plain, audience: [vendor], visibleWhen: { question: hosted, op: eq, value: yes } }
              - { id: follow, key: f.follow, type: text, prompt: Follow, audience: [vendor], visibleWhen: { question: detail, op: notEmpty } }
          - id: second
            title: Second
            visibleWhen: { question: scope, op: eq, value: yes }
            items:
              - { id: in-step, key: s.in-step, type: text, prompt: In step, audience: [vendor, reviewer] }
        """;

    private static readonly Questionnaire _questionnaire = QuestionnaireLoader.Load(Yaml, "audience.yaml").Value!;
    private static readonly QuestionnaireEvaluator _evaluator = new(_questionnaire);
    private static readonly DateOnly _today = new(2026, 11, 1);

    private static AnswerSheet Sheet(params (string Key, AnswerValue Value)[] answers) =>
        new("audience", "1.0.0", answers.ToDictionary(a => a.Key, a => new Answer(a.Value)));

    [TestCase("detail")]
    [TestCase("negated")]
    [TestCase("in-step")]
    public void A_condition_on_a_reviewer_only_item_counts_as_met_for_vendors(string itemId)
    {
        var evaluation = _evaluator.Evaluate(Sheet(), _today, Audience.Vendor);

        Assert.That(evaluation.IsVisible(itemId), Is.True);
    }

    [Test]
    public void For_reviewers_the_same_conditions_read_the_reviewer_answer()
    {
        var unanswered = _evaluator.Evaluate(Sheet(), _today);
        var inScope = _evaluator.Evaluate(Sheet(("f.scope", new ChoiceValue("yes"))), _today, Audience.Both);

        Assert.Multiple(() =>
        {
            Assert.That(unanswered.IsVisible("detail"), Is.False);
            Assert.That(unanswered.IsVisible("negated"), Is.True);
            Assert.That(unanswered.IsVisible("in-step"), Is.False);
            Assert.That(inScope.IsVisible("detail"), Is.True);
            Assert.That(inScope.IsVisible("negated"), Is.False);
        });
    }

    [Test]
    public void A_condition_that_also_reads_a_reviewer_only_item_counts_as_met_as_a_whole()
    {
        var evaluation = _evaluator.Evaluate(Sheet(("f.hosted", new ChoiceValue("no"))), _today, Audience.Vendor);

        Assert.That(evaluation.IsVisible("mixed"), Is.True);
    }

    [Test]
    public void Conditions_on_vendor_items_still_apply_for_vendors()
    {
        var evaluation = _evaluator.Evaluate(Sheet(("f.hosted", new ChoiceValue("no"))), _today, Audience.Vendor);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.IsVisible("plain"), Is.False);
            Assert.That(evaluation.IsVisible("follow"), Is.False);
        });
    }

    [Test]
    public void A_vendor_item_following_one_shown_by_the_rule_reads_its_answer()
    {
        var evaluation = _evaluator.Evaluate(Sheet(("f.detail", new TextValue("Hosted in EU"))), _today, Audience.Vendor);

        Assert.That(evaluation.IsVisible("follow"), Is.True);
    }

    [Test]
    public void A_vendor_library_refuses_each_answer_to_a_reviewer_only_item()
    {
        var yaml = """
            questionnaire: { id: audience, version: 1.0.0 }
            answers:
              f.hosted: { value: yes }
              f.scope: { value: yes }
              f.detail: { value: EU only }
            """;

        var result = AnswersLoader.Load(yaml, "library.yaml", _evaluator, _today, Audience.Vendor);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.Null);
            Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
            {
                "library.yaml:4:3: error: answer key 'f.scope' is for reviewers only; a vendor library holds only the items vendors answer",
            }));
        });
    }

    [Test]
    public void A_review_takes_answers_to_reviewer_only_items()
    {
        var yaml = """
            questionnaire: { id: audience, version: 1.0.0 }
            answers:
              f.scope: { value: yes }
              f.detail: { value: EU only }
            """;

        var result = AnswersLoader.Load(yaml, "review.yaml", _evaluator, _today, Audience.Both);

        Assert.That(result.Value?["f.scope"]?.Value, Is.EqualTo(new ChoiceValue("yes")));
    }
}
