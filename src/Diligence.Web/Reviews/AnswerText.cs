using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Web.Reviews;

/// <summary>An answer as one line of plain text, with option labels: for conflicts and history.</summary>
public static class AnswerText
{
    public static string Describe(AnswerableItem item, Answer? answer) =>
        answer is null || answer.Value.IsEmpty ? "(no answer)" : Describe(item, answer.Value, answer.Other);

    private static string Describe(AnswerableItem item, AnswerValue value, string? other = null) => value switch
    {
        ChoiceValue choice => Label(item, choice.OptionId, other),
        ChoicesValue choices => string.Join(", ", choices.OptionIds.Select(id => Label(item, id, other))),
        TextValue text => text.Text,
        NumberValue number => number.Number.ToString(CultureInfo.InvariantCulture)
            + (item is NumberItem { Unit: { } unit } ? " " + unit : ""),
        DateValue date => date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EvidenceValue evidence => evidence.Reference.Title,
        MatrixValue matrix => $"{matrix.Rows.Sum(r => r.Value.Count)} cells",
        RepeatValue repeat => repeat.Entries.Count == 1 ? "1 entry" : $"{repeat.Entries.Count} entries",
        _ => value.ToString() ?? "",
    };

    private static string Label(AnswerableItem item, string optionId, string? other) => item switch
    {
        _ when optionId == ChoiceItem.OtherId && item is ChoiceItem { AllowOther: true } =>
            "Other" + (other is null ? "" : ": " + other),
        ChoiceItem choice => choice.FindOption(optionId)?.Label ?? optionId,
        YesNoNaItem => optionId switch
        {
            YesNoNaItem.Yes => "Yes",
            YesNoNaItem.No => "No",
            YesNoNaItem.NotApplicable => "Not applicable",
            _ => optionId,
        },
        _ => optionId,
    };
}
