using System.Globalization;
using System.Text;

namespace Diligence.Tests.Shared;

/// <summary>
/// Builds a deterministic questionnaire of any size (a multiple of 200 items) in ten steps, with nested groups,
/// conditions on items and groups, requiredWhen, flags and rule findings, plus an answers file for it. The rules
/// are simple enough that tests can work out the expected evaluation independently:
/// <list type="bullet">
/// <item>item <c>q{i}</c> has key <c>s{step}.q{i}</c>; its type by <c>i % 5</c>: yes-no-na, single-choice (a, b, c),
/// multi-choice (a, b, c), number, text;</item>
/// <item>items come in groups of 20 (<c>g{n}</c> holds q{20n}…q{20n+19}); the last ten are in a nested group
/// <c>g{n}-inner</c>; a group with <c>n % 5 == 4</c> shows when <c>q{20n-17} gt 50</c>; an inner group with
/// <c>n % 3 == 1</c> shows when <c>not q{20n} eq no</c>;</item>
/// <item>an item with <c>i % 10 == 9</c> shows when <c>q{i-9} eq yes</c>; <c>i % 10</c> in {0, 1, 3} is required;
/// <c>i % 10 == 7</c> is required when <c>q{i-6} anyOf [b]</c>;</item>
/// <item>yes-no-na flags <c>no</c> (high), single-choice flags option <c>c</c> (medium);</item>
/// <item>rule <c>r{r}</c> (one per 20 items) holds when <c>q{20r} eq no</c> and <c>q{20r+3} gt 30</c>.</item>
/// </list>
/// </summary>
public static class LargeQuestionnaireGenerator
{
    public const int StepCount = 10;
    public const int GroupSize = 20;

    public static string QuestionnaireYaml(int itemCount)
    {
        if (itemCount <= 0 || itemCount % (StepCount * GroupSize) != 0)
            throw new ArgumentOutOfRangeException(nameof(itemCount), itemCount, "use a positive multiple of 200");
        var yaml = new StringBuilder();
        Line(yaml, 0, $"id: large-{itemCount}");
        Line(yaml, 0, "version: 1.0.0");
        Line(yaml, 0, $"title: Generated questionnaire with {itemCount} items");
        Line(yaml, 0, "status: draft");
        Line(yaml, 0, "steps:");
        var perStep = itemCount / StepCount;
        for (var step = 0; step < StepCount; step++)
        {
            Line(yaml, 1, $"- id: step-{step}");
            Line(yaml, 2, $"title: Step {step}");
            Line(yaml, 2, "items:");
            for (var group = step * perStep / GroupSize; group < (step + 1) * perStep / GroupSize; group++)
                AppendGroup(yaml, step, group);
        }
        Line(yaml, 0, "findings:");
        for (var rule = 0; rule < RuleCount(itemCount); rule++)
        {
            Line(yaml, 1, $"- id: r{rule}");
            Line(yaml, 2, "when:");
            Line(yaml, 3, "all:");
            Line(yaml, 4, $"- {{ question: q{GroupSize * rule}, op: eq, value: no }}");
            Line(yaml, 4, $"- {{ question: q{(GroupSize * rule) + 3}, op: gt, value: 30 }}");
            Line(yaml, 2, "severity: low");
            Line(yaml, 2, $"finding: Rule {rule} holds.");
        }
        return yaml.ToString();
    }

    /// <summary>An answers file answering every item, with <see cref="YesNoNa"/>, <see cref="Choice"/> and the others.</summary>
    public static string AnswersYaml(int itemCount, Func<int, bool>? answered = null)
    {
        var yaml = new StringBuilder();
        Line(yaml, 0, $"questionnaire: {{ id: large-{itemCount}, version: 1.0.0 }}");
        Line(yaml, 0, "asOf: 2026-11-01");
        Line(yaml, 0, "answers:");
        for (var i = 0; i < itemCount; i++)
        {
            if (answered is not null && !answered(i))
                continue;
            var value = (i % 5) switch
            {
                0 => YesNoNa(i),
                1 => Choice(i),
                2 => $"[{string.Join(", ", Choices(i))}]",
                3 => Number(i).ToString(CultureInfo.InvariantCulture),
                _ => $"\"Answer {i}\"",
            };
            Line(yaml, 1, $"{Key(itemCount, i)}: {{ value: {value} }}");
        }
        return yaml.ToString();
    }

    public static int RuleCount(int itemCount) => itemCount / GroupSize;

    public static string Key(int itemCount, int i) => $"s{i / (itemCount / StepCount)}.q{i}";

    public static string YesNoNa(int i) => (i * 7 / 10 % 3) switch
    {
        0 => "yes",
        1 => "no",
        _ => "na",
    };

    public static string Choice(int i) => (i * 7 / 10 % 3) switch
    {
        0 => "a",
        1 => "b",
        _ => "c",
    };

    public static IReadOnlyList<string> Choices(int i) => i % 2 == 0 ? ["a"] : ["a", "b"];

    public static int Number(int i) => i * 37 % 100;

    private static void AppendGroup(StringBuilder yaml, int step, int group)
    {
        var first = group * GroupSize;
        Line(yaml, 3, $"- id: g{group}");
        Line(yaml, 4, "type: group");
        Line(yaml, 4, $"title: Group {group}");
        if (group % 5 == 4)
            Line(yaml, 4, $"visibleWhen: {{ question: q{first - 17}, op: gt, value: 50 }}");
        Line(yaml, 4, "items:");
        for (var i = first; i < first + (GroupSize / 2); i++)
            AppendItem(yaml, 5, step, i);
        Line(yaml, 5, $"- id: g{group}-inner");
        Line(yaml, 6, "type: group");
        Line(yaml, 6, $"title: Group {group}, continued");
        if (group % 3 == 1)
            Line(yaml, 6, $"visibleWhen: {{ not: {{ question: q{first}, op: eq, value: no }} }}");
        Line(yaml, 6, "items:");
        for (var i = first + (GroupSize / 2); i < first + GroupSize; i++)
            AppendItem(yaml, 7, step, i);
    }

    private static void AppendItem(StringBuilder yaml, int depth, int step, int i)
    {
        Line(yaml, depth, $"- id: q{i}");
        Line(yaml, depth + 1, $"key: s{step}.q{i}");
        Line(yaml, depth + 1, $"prompt: Question {i}?");
        switch (i % 5)
        {
            case 0:
                Line(yaml, depth + 1, "type: yes-no-na");
                Line(yaml, depth + 1, $"flags: {{ no: {{ severity: high, finding: Question {i} is answered no. }} }}");
                break;
            case 1:
                Line(yaml, depth + 1, "type: single-choice");
                Line(yaml, depth + 1, $"options: [ {{ id: a, label: A }}, {{ id: b, label: B }}, {{ id: c, label: C, flag: {{ severity: medium, finding: Question {i} is answered c. }} }} ]");
                break;
            case 2:
                Line(yaml, depth + 1, "type: multi-choice");
                Line(yaml, depth + 1, "options: [ { id: a, label: A }, { id: b, label: B }, { id: c, label: C } ]");
                break;
            case 3:
                Line(yaml, depth + 1, "type: number");
                Line(yaml, depth + 1, "min: 0");
                Line(yaml, depth + 1, "max: 100");
                break;
            default:
                Line(yaml, depth + 1, "type: text");
                Line(yaml, depth + 1, "maxLength: 100");
                break;
        }
        if (i % 10 is 0 or 1 or 3)
            Line(yaml, depth + 1, "required: true");
        if (i % 10 == 7)
            Line(yaml, depth + 1, $"requiredWhen: {{ question: q{i - 6}, op: anyOf, value: [b] }}");
        if (i % 10 == 9)
            Line(yaml, depth + 1, $"visibleWhen: {{ question: q{i - 9}, op: eq, value: yes }}");
    }

    private static void Line(StringBuilder yaml, int depth, string text) =>
        yaml.Append(' ', depth * 2).Append(text).Append('\n');
}
