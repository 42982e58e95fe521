using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.Tests.Evaluation;

/// <summary>
/// A questionnaire with one item of every answerable type (and a repeat) in its first step, and a <c>probe</c> item
/// in its second step whose <c>visibleWhen</c> is the condition under test.
/// </summary>
internal static class ConditionFixture
{
    public static readonly DateOnly Today = new(2026, 11, 1);

    private const string Targets = """
        id: conditions
        version: 1.0.0
        title: Conditions
        status: draft
        steps:
          - id: targets
            title: Targets
            items:
              - { id: yn, key: t.yn, type: yes-no-na, prompt: YN }
              - { id: single, key: t.single, type: single-choice, prompt: Single, allowOther: true, options: [ { id: a, label: A }, { id: b, label: B } ] }
              - { id: multi, key: t.multi, type: multi-choice, prompt: Multi, options: [ { id: a, label: A }, { id: b, label: B }, { id: c, label: C } ] }
              - { id: text, key: t.text, type: text, prompt: Text }
              - { id: md, key: t.md, type: markdown, prompt: Markdown }
              - { id: url, key: t.url, type: url, prompt: URL }
              - { id: num, key: t.num, type: number, prompt: Number }
              - { id: day, key: t.day, type: date, prompt: Date }
              - { id: table, key: t.table, type: matrix, prompt: Table, rows: [ { id: r, label: R } ], columns: [ { id: c, label: C } ], cell: { type: text } }
              - { id: ev, key: t.ev, type: evidence, prompt: Evidence }
              - id: list
                key: t.list
                type: repeat
                prompt: List
                items:
                  - { id: sub-yn, key: t.list.yn, type: yes-no-na, prompt: Sub YN }
                  - { id: sub-num, key: t.list.num, type: number, prompt: Sub number }
          - id: probes
            title: Probes
            items:
              - id: probe
                key: p.probe
                type: text
                prompt: Probe
                visibleWhen: 
        """;

    /// <summary>Loads the fixture with <paramref name="condition"/> (YAML flow text) as the probe's visibleWhen.</summary>
    public static Questionnaire With(string condition)
    {
        var result = QuestionnaireLoader.Load(Targets + condition + "\n", "conditions.yaml");
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty, condition);
        return result.Value!;
    }

    /// <summary>Answers given as item id → answer JSON (the storage form).</summary>
    public static AnswerSheet Answers(Questionnaire questionnaire, params (string ItemId, string Json)[] answers)
    {
        var sheet = AnswerSheet.Empty(questionnaire);
        foreach (var (itemId, json) in answers)
        {
            var item = (AnswerableItem)questionnaire.FindItem(itemId)!;
            sheet = sheet.With(item.Key, AnswerJson.Deserialize(json, item));
        }
        return sheet;
    }

    public static bool ProbeIsVisible(string condition, params (string ItemId, string Json)[] answers)
    {
        var questionnaire = With(condition);
        return new QuestionnaireEvaluator(questionnaire).Evaluate(Answers(questionnaire, answers), Today).IsVisible("probe");
    }
}
