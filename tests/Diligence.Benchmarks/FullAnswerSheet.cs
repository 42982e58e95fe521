using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Benchmarks;

/// <summary>An answer for every answerable item of a questionnaire: a fully answered review.</summary>
internal static class FullAnswerSheet
{
    public static AnswerSheet For(Questionnaire questionnaire, DateOnly today) =>
        new(questionnaire.Id, questionnaire.Version, questionnaire.AnswerableItems.Select(item => KeyValuePair.Create(item.Key, new Answer(ValueFor(item, today)))));

    private static AnswerValue ValueFor(AnswerableItem item, DateOnly today) =>
        item switch
        {
            YesNoNaItem => new ChoiceValue(YesNoNaItem.Yes),
            SingleChoiceItem single => new ChoiceValue(single.Options[0].Id),
            MultiChoiceItem multi => new ChoicesValue([.. multi.Options.Where(o => !o.Exclusive).Select(o => o.Id)]),
            NumberItem number => new NumberValue(number.Min ?? 1),
            DateItem => new DateValue(today),
            UrlItem => new TextValue("https://example.com/"),
            MatrixItem matrix => new MatrixValue(matrix.Rows.ToDictionary(
                row => row.Id,
                IReadOnlyDictionary<string, AnswerValue> (_) => matrix.Columns.ToDictionary(column => column.Id, _ => CellFor(matrix.Cell)))),
            RepeatItem repeat => new RepeatValue([.. Enumerable.Range(0, 2).Select(IReadOnlyDictionary<string, AnswerValue> (_) =>
                repeat.Items.ToDictionary(sub => sub.Id, sub => ValueFor(sub, today)))]),
            EvidenceItem => new EvidenceValue(new EvidenceReference("Report", Availability: EvidenceAvailability.Nda)),
            _ => new TextValue("An answer."),
        };

    private static AnswerValue CellFor(MatrixCell cell) =>
        cell.Type switch
        {
            ItemType.YesNoNa => new ChoiceValue(YesNoNaItem.Yes),
            ItemType.SingleChoice => new ChoiceValue(cell.Options[0].Id),
            _ => new TextValue("Vendor"),
        };
}
