namespace Diligence.Core.Definitions;

/// <summary>The spelling of <see cref="ConditionOperator"/> values in questionnaire files.</summary>
public static class ConditionOperatorNames
{
    public static IReadOnlyList<string> All { get; } =
        ["eq", "ne", "lt", "gt", "anyOf", "allOf", "noneOf", "contains", "empty", "notEmpty"];

    public static string ToName(ConditionOperator op) => All[(int)op];

    public static bool TryParse(string name, out ConditionOperator op)
    {
        var index = -1;
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == name)
                index = i;
        }
        op = index < 0 ? default : (ConditionOperator)index;
        return index >= 0;
    }

    /// <summary>Whether the operator applies to an item of the given type (README: Conditions).</summary>
    public static bool AppliesTo(ConditionOperator op, ItemType type) =>
        op switch
        {
            ConditionOperator.Eq or ConditionOperator.Ne => type is ItemType.YesNoNa or ItemType.SingleChoice or ItemType.Text
                or ItemType.Markdown or ItemType.Url or ItemType.Number or ItemType.Date,
            ConditionOperator.Lt or ConditionOperator.Gt => type is ItemType.Number or ItemType.Date,
            ConditionOperator.AnyOf or ConditionOperator.NoneOf => type is ItemType.YesNoNa or ItemType.SingleChoice or ItemType.MultiChoice,
            ConditionOperator.AllOf => type is ItemType.MultiChoice,
            ConditionOperator.Contains => type is ItemType.Text or ItemType.Markdown or ItemType.Url or ItemType.MultiChoice,
            ConditionOperator.Empty or ConditionOperator.NotEmpty => type is not (ItemType.Display or ItemType.Group),
            _ => false,
        };
}
