using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.Tests.Evaluation;

/// <summary>A hidden item keeps its answer but reads as unanswered, whether its own condition, its group's or its step's hides it.</summary>
public sealed class HiddenItemTests
{
    private const string Yaml = """
        id: hidden
        version: 1.0.0
        title: Hidden
        status: draft
        steps:
          - id: first
            title: First
            items:
              - { id: gate, key: f.gate, type: yes-no-na, prompt: Gate }
              - { id: own, key: f.own, type: yes-no-na, prompt: Own, visibleWhen: { question: gate, op: eq, value: yes } }
              - id: block
                type: group
                title: Block
                visibleWhen: { question: gate, op: eq, value: yes }
                items:
                  - id: nested
                    type: group
                    title: Nested
                    items:
                      - { id: in-group, key: f.in-group, type: yes-no-na, prompt: In group }
          - id: second
            title: Second
            visibleWhen: { question: gate, op: eq, value: yes }
            items:
              - { id: in-step, key: s.in-step, type: yes-no-na, prompt: In step }
          - id: third
            title: Third
            items:
              - { id: reads-own, key: t.own, type: text, prompt: Own, visibleWhen: { question: own, op: eq, value: yes } }
              - { id: reads-group, key: t.group, type: text, prompt: Group, visibleWhen: { question: in-group, op: eq, value: yes } }
              - { id: reads-step, key: t.step, type: text, prompt: Step, visibleWhen: { question: in-step, op: eq, value: yes } }
              - { id: empty-own, key: t.empty-own, type: text, prompt: Empty, visibleWhen: { question: own, op: empty } }
        """;

    private static readonly Questionnaire _questionnaire = QuestionnaireLoader.Load(Yaml, "hidden.yaml").Value!;

    private static Core.Evaluation.Evaluation Evaluate(string gate) =>
        new QuestionnaireEvaluator(_questionnaire).Evaluate(
            new AnswerSheet("hidden", "1.0.0", new Dictionary<string, Answer>
            {
                ["f.gate"] = new(new ChoiceValue(gate)),
                ["f.own"] = new(new ChoiceValue("yes")),
                ["f.in-group"] = new(new ChoiceValue("yes")),
                ["s.in-step"] = new(new ChoiceValue("yes")),
            }),
            new DateOnly(2026, 11, 1));

    [TestCase("reads-own")]
    [TestCase("reads-group")]
    [TestCase("reads-step")]
    public void A_condition_on_a_visible_item_reads_its_answer(string reader) =>
        Assert.That(Evaluate("yes").IsVisible(reader), Is.True);

    [TestCase("reads-own")]
    [TestCase("reads-group")]
    [TestCase("reads-step")]
    public void A_condition_on_a_hidden_item_reads_it_as_unanswered(string reader) =>
        Assert.That(Evaluate("no").IsVisible(reader), Is.False);

    [Test]
    public void A_hidden_item_satisfies_empty()
    {
        Assert.That(Evaluate("no").IsVisible("empty-own"), Is.True);
        Assert.That(Evaluate("yes").IsVisible("empty-own"), Is.False);
    }

    [Test]
    public void Visibility_passes_down_through_nested_groups_and_steps()
    {
        var hidden = Evaluate("no");
        Assert.Multiple(() =>
        {
            Assert.That(hidden.IsVisible("block"), Is.False);
            Assert.That(hidden.IsVisible("nested"), Is.False);
            Assert.That(hidden.IsVisible("in-group"), Is.False);
            Assert.That(hidden.IsVisible("second"), Is.False);
            Assert.That(hidden.IsStepVisible("second"), Is.False);
            Assert.That(hidden.IsVisible("in-step"), Is.False);
            Assert.That(hidden.IsAnswered("in-step"), Is.False);
            Assert.That(Evaluate("yes").IsAnswered("in-step"), Is.True);
        });
    }
}
