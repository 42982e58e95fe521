using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Evaluation;

/// <summary>
/// Turns conditions into delegates once, when the evaluator is built, so an evaluation only reads arrays: no
/// lookups by id, no parsing, no LINQ.
/// </summary>
internal sealed class ConditionCompiler(
    Questionnaire questionnaire,
    IReadOnlyDictionary<string, int> slotByItemId,
    IReadOnlyDictionary<string, int> nodeByItemId)
{
    public CompiledCondition Compile(Condition condition)
    {
        switch (condition)
        {
            case AllCondition all:
            {
                var children = all.Conditions.Select(Compile).ToArray();
                return state =>
                {
                    foreach (var child in children)
                    {
                        if (!child(state))
                            return false;
                    }
                    return true;
                };
            }
            case AnyCondition any:
            {
                var children = any.Conditions.Select(Compile).ToArray();
                return state =>
                {
                    foreach (var child in children)
                    {
                        if (child(state))
                            return true;
                    }
                    return false;
                };
            }
            case NotCondition not:
            {
                var children = not.Conditions.Select(Compile).ToArray();
                return state =>
                {
                    foreach (var child in children)
                    {
                        if (child(state))
                            return false;
                    }
                    return true;
                };
            }
            case LeafCondition leaf:
                return CompileLeaf(leaf);
            default:
                throw new ArgumentException($"unsupported condition {condition.GetType().Name}", nameof(condition));
        }
    }

    private CompiledCondition CompileLeaf(LeafCondition leaf)
    {
        var dot = leaf.Question.IndexOf('.', StringComparison.Ordinal);
        var itemId = dot < 0 ? leaf.Question : leaf.Question[..dot];
        if (!slotByItemId.TryGetValue(itemId, out var slot) || !nodeByItemId.TryGetValue(itemId, out var node))
            throw new ArgumentException($"condition refers to unknown item '{leaf.Question}'", nameof(leaf));
        var op = leaf.Operator;
        if (dot < 0)
        {
            var test = CompileTest(leaf, questionnaire.FindItem(itemId)!);
            return state => Holds(op, test, state.Visible[node] ? state.Values[slot] : null, state.Today);
        }
        var subId = leaf.Question[(dot + 1)..];
        var subItem = (questionnaire.FindItem(itemId) as RepeatItem)?.FindSubItem(subId)
            ?? throw new ArgumentException($"condition refers to unknown item '{leaf.Question}'", nameof(leaf));
        var subTest = CompileTest(leaf, subItem);
        return state =>
        {
            if (!state.Visible[node] || state.Values[slot] is not RepeatValue repeat || repeat.Entries.Count == 0)
                return Holds(op, subTest, null, state.Today);
            foreach (var entry in repeat.Entries)
            {
                var value = entry.TryGetValue(subId, out var found) && !found.IsEmpty ? found : null;
                if (Holds(op, subTest, value, state.Today))
                    return true;
            }
            return false;
        };
    }

    /// <summary>An unanswered (or hidden) item satisfies <c>empty</c> and nothing else.</summary>
    private static bool Holds(ConditionOperator op, ValueTest test, AnswerValue? value, DateOnly today) =>
        value is null ? op == ConditionOperator.Empty : op != ConditionOperator.Empty && test(value, today);

    private static ValueTest CompileTest(LeafCondition leaf, Item item)
    {
        var op = leaf.Operator;
        if (op is ConditionOperator.Empty or ConditionOperator.NotEmpty)
            return static (_, _) => true;
        var values = leaf.Value switch
        {
            ListConditionValue list => [.. list.Items],
            ScalarConditionValue scalar => new[] { scalar.Text },
            _ => [],
        };
        var first = values.Length > 0 ? values[0] : "";
        return item.Type switch
        {
            ItemType.YesNoNa or ItemType.SingleChoice => ChoiceTest(op, values),
            ItemType.MultiChoice => ChoicesTest(op, values),
            ItemType.Text or ItemType.Markdown or ItemType.Url => TextTest(op, first),
            ItemType.Number => NumberTest(op, decimal.Parse(first, NumberStyles.Float, CultureInfo.InvariantCulture)),
            ItemType.Date => DateTest(op, DateBound.TryParse(first, out var bound) ? bound! : throw new ArgumentException($"invalid date '{first}'", nameof(leaf))),
            _ => throw new ArgumentException($"operator '{ConditionOperatorNames.ToName(op)}' does not apply to item '{item.Id}'", nameof(leaf)),
        };
    }

    private static ValueTest ChoiceTest(ConditionOperator op, string[] ids) =>
        op switch
        {
            ConditionOperator.Eq or ConditionOperator.AnyOf => (value, _) => value is ChoiceValue choice && Array.IndexOf(ids, choice.OptionId) >= 0,
            ConditionOperator.Ne or ConditionOperator.NoneOf => (value, _) => value is ChoiceValue choice && Array.IndexOf(ids, choice.OptionId) < 0,
            _ => throw new ArgumentException($"operator '{ConditionOperatorNames.ToName(op)}' does not apply to a choice", nameof(op)),
        };

    private static ValueTest ChoicesTest(ConditionOperator op, string[] ids) =>
        op switch
        {
            ConditionOperator.AnyOf or ConditionOperator.Contains => (value, _) => value is ChoicesValue chosen && CountChosen(chosen, ids) > 0,
            ConditionOperator.NoneOf => (value, _) => value is ChoicesValue chosen && CountChosen(chosen, ids) == 0,
            ConditionOperator.AllOf => (value, _) => value is ChoicesValue chosen && AllChosen(chosen, ids),
            _ => throw new ArgumentException($"operator '{ConditionOperatorNames.ToName(op)}' does not apply to a multi-choice", nameof(op)),
        };

    private static int CountChosen(ChoicesValue chosen, string[] ids)
    {
        var count = 0;
        foreach (var id in chosen.OptionIds)
        {
            if (Array.IndexOf(ids, id) >= 0)
                count++;
        }
        return count;
    }

    private static bool AllChosen(ChoicesValue chosen, string[] ids)
    {
        foreach (var id in ids)
        {
            var found = false;
            foreach (var option in chosen.OptionIds)
                found |= option == id;
            if (!found)
                return false;
        }
        return true;
    }

    private static ValueTest TextTest(ConditionOperator op, string text) =>
        op switch
        {
            ConditionOperator.Eq => (value, _) => value is TextValue answer && answer.Text == text,
            ConditionOperator.Ne => (value, _) => value is TextValue answer && answer.Text != text,
            ConditionOperator.Contains => (value, _) => value is TextValue answer && answer.Text.Contains(text, StringComparison.OrdinalIgnoreCase),
            _ => throw new ArgumentException($"operator '{ConditionOperatorNames.ToName(op)}' does not apply to text", nameof(op)),
        };

    private static ValueTest NumberTest(ConditionOperator op, decimal number) =>
        op switch
        {
            ConditionOperator.Eq => (value, _) => value is NumberValue answer && answer.Number == number,
            ConditionOperator.Ne => (value, _) => value is NumberValue answer && answer.Number != number,
            ConditionOperator.Lt => (value, _) => value is NumberValue answer && answer.Number < number,
            ConditionOperator.Gt => (value, _) => value is NumberValue answer && answer.Number > number,
            _ => throw new ArgumentException($"operator '{ConditionOperatorNames.ToName(op)}' does not apply to a number", nameof(op)),
        };

    private static ValueTest DateTest(ConditionOperator op, DateBound bound) =>
        op switch
        {
            ConditionOperator.Eq => (value, today) => value is DateValue answer && answer.Date == bound.Resolve(today),
            ConditionOperator.Ne => (value, today) => value is DateValue answer && answer.Date != bound.Resolve(today),
            ConditionOperator.Lt => (value, today) => value is DateValue answer && answer.Date < bound.Resolve(today),
            ConditionOperator.Gt => (value, today) => value is DateValue answer && answer.Date > bound.Resolve(today),
            _ => throw new ArgumentException($"operator '{ConditionOperatorNames.ToName(op)}' does not apply to a date", nameof(op)),
        };
}
