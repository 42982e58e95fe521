using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Web.Reviews;

/// <summary>An answer as plain text, with option labels: one line for conflicts and history, lines to read for the library.</summary>
public static class AnswerText
{
    /// <summary>One line per matrix row and per repeat entry, with their labels; one line for anything else.</summary>
    public static IReadOnlyList<string> Lines(AnswerableItem item, Answer answer, Questionnaire definition) => (item, answer.Value) switch
    {
        (MatrixItem matrix, MatrixValue value) => [.. matrix.Rows
            .Select(row => (row.Label, Cells: value.Rows.GetValueOrDefault(row.Id)?.Where(c => !c.Value.IsEmpty).ToList() ?? []))
            .Where(row => row.Cells.Count > 0)
            .Select(row => row.Label + ": " + string.Join("; ", row.Cells.Select(c => $"{ColumnLabel(matrix, c.Key, definition)}: {Cell(matrix.Cell, c.Value)}")))],
        (RepeatItem repeat, RepeatValue value) => [.. value.Entries.Select(entry => string.Join("; ", repeat.Items
            .Where(sub => entry.TryGetValue(sub.Id, out var v) && !v.IsEmpty)
            .Select(sub => $"{sub.Prompt} {Describe(sub, entry[sub.Id])}")))],
        _ => [Describe(item, answer)],
    };

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

    // A matrix's columns are its own, or the options of the question it takes them from.
    private static string ColumnLabel(MatrixItem matrix, string columnId, Questionnaire definition) =>
        matrix.FindColumn(columnId)?.Label
        ?? (matrix.ColumnsFrom is { } from && definition.FindItem(from) is ChoiceItem source ? source.FindOption(columnId)?.Label : null)
        ?? columnId;

    private static string Cell(MatrixCell cell, AnswerValue value) => value switch
    {
        TextValue text => text.Text,
        ChoiceValue choice when cell.Type == ItemType.YesNoNa => YesNoNaLabel(choice.OptionId),
        ChoiceValue choice => cell.Options.FirstOrDefault(o => o.Id == choice.OptionId)?.Label ?? choice.OptionId,
        _ => value.ToString() ?? "",
    };

    private static string YesNoNaLabel(string optionId) => optionId switch
    {
        YesNoNaItem.Yes => "Yes",
        YesNoNaItem.No => "No",
        YesNoNaItem.NotApplicable => "Not applicable",
        _ => optionId,
    };

    private static string Label(AnswerableItem item, string optionId, string? other) => item switch
    {
        _ when optionId == ChoiceItem.OtherId && item is ChoiceItem { AllowOther: true } =>
            "Other" + (other is null ? "" : ": " + other),
        ChoiceItem choice => choice.FindOption(optionId)?.Label ?? optionId,
        YesNoNaItem => YesNoNaLabel(optionId),
        _ => optionId,
    };
}
