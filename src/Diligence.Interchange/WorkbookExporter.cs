using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Interchange;

/// <summary>
/// Writes answers as an Excel workbook (<see cref="WorkbookLayout"/>): scalar answers as they read, lists of options as
/// "a, b", tables, entry lists and evidence as JSON; choice cells offer their options as a validation list.
/// </summary>
public static class WorkbookExporter
{
    private static readonly double[] _widths = [32, 60, 48, 24, 32, 32, 48, 32, 12];

    public static byte[] Export(AnswerSheet sheet, Questionnaire questionnaire, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(questionnaire);
        using var workbook = new XLWorkbook();
        var header = workbook.Worksheets.Add(WorkbookLayout.HeaderSheet);
        string?[] facts = [questionnaire.Id, questionnaire.Version, sheet.VendorName, sheet.Product];
        for (var i = 0; i < facts.Length; i++)
        {
            header.Cell(i + 1, 1).SetValue(WorkbookLayout.HeaderRows[i]);
            Text(header.Cell(i + 1, 2), facts[i]);
        }
        header.Cell(facts.Length + 1, 1).SetValue(WorkbookLayout.HeaderRows[facts.Length]);
        DateCell(header.Cell(facts.Length + 1, 2), sheet.AsOf);
        header.Column(1).Width = 16;
        header.Column(2).Width = 40;
        var sheetNames = WorkbookLayout.SheetNames(questionnaire.Steps.Select(s => s.Id));
        var choices = new ChoiceLists(workbook);
        for (var index = 0; index < questionnaire.Steps.Count; index++)
        {
            var step = questionnaire.Steps[index];
            var items = AnswerableItemsOf(step.Items).Where(i => (i.Audience & audience) != 0).ToList();
            if (items.Count == 0)
            {
                continue;
            }
            var worksheet = workbook.Worksheets.Add(sheetNames[step.Id]);
            workbook.NamedRanges.Add(WorkbookLayout.StepName(index), worksheet.Range("A1"));
            for (var c = 0; c < WorkbookLayout.Columns.Count; c++)
            {
                worksheet.Cell(1, c + 1).SetValue(WorkbookLayout.Columns[c]);
                worksheet.Column(c + 1).Width = _widths[c];
            }
            var row = 2;
            foreach (var item in items)
            {
                row += WriteRow(worksheet, row, item, sheet[item.Key], choices);
            }
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static IEnumerable<AnswerableItem> AnswerableItemsOf(IEnumerable<Item> items) =>
        items.SelectMany(item => item switch
        {
            Group group => AnswerableItemsOf(group.Items),
            AnswerableItem answerable => [answerable],
            _ => [],
        });

    /// <summary>Writes the item's row, and continuation rows for text longer than a cell holds; returns the rows used.</summary>
    private static int WriteRow(IXLWorksheet worksheet, int row, AnswerableItem item, Answer? answer, ChoiceLists choices)
    {
        Text(worksheet.Cell(row, 1), item.Key);
        Text(worksheet.Cell(row, 2), item.Prompt);
        string[]? options = item switch
        {
            YesNoNaItem => ["yes", "no", "na"],
            SingleChoiceItem single => [.. single.Options.Select(o => o.Id), .. single.AllowOther ? ["other"] : Array.Empty<string>()],
            _ => null,
        };
        if (options is not null)
        {
            worksheet.Cell(row, WorkbookLayout.AnswerColumn).SetDataValidation().List(choices.Add(item.Key, options), true);
        }
        if (item is DateItem)
        {
            DateCell(worksheet.Cell(row, WorkbookLayout.AnswerColumn), (answer?.Value as DateValue)?.Date);
        }
        DateCell(worksheet.Cell(row, 9), answer?.AsOf);
        if (answer is null)
        {
            return 1;
        }
        string?[] texts =
        [
            item is DateItem ? null : ValueText(answer.Value), answer.Other, answer.Justification, answer.Explanation, answer.Note,
            answer.Evidence is { Count: > 0 } evidence ? ValueJson(new Answer(new TextValue(""), Evidence: evidence), "evidence") : null,
        ];
        var rows = 1;
        for (var t = 0; t < texts.Length; t++)
        {
            var chunks = Chunks(texts[t]);
            for (var c = 0; c < chunks.Count; c++)
            {
                if (c > 0 && c >= rows)
                {
                    Text(worksheet.Cell(row + c, WorkbookLayout.KeyColumn), item.Key);
                    Text(worksheet.Cell(row + c, WorkbookLayout.KeyColumn + 1), WorkbookLayout.Continued);
                    rows = c + 1;
                }
                Text(worksheet.Cell(row + c, WorkbookLayout.AnswerColumn + t), chunks[c]);
            }
        }
        return rows;
    }

    // A text longer than a cell holds (a long list of entries as JSON) as pieces that do; never split inside a surrogate pair.
    private static List<string> Chunks(string? text)
    {
        var chunks = new List<string>();
        for (var at = 0; text is not null && at < text.Length;)
        {
            var length = Math.Min(WorkbookPackage.MaxCellCharacters, text.Length - at);
            if (at + length < text.Length && char.IsHighSurrogate(text[at + length - 1]))
            {
                length--;
            }
            chunks.Add(text.Substring(at, length));
            at += length;
        }
        return chunks;
    }

    public static string ValueText(AnswerValue value) => value switch
    {
        ChoiceValue choice => choice.OptionId,
        ChoicesValue choices => string.Join(", ", choices.OptionIds),
        TextValue text => text.Text,
        NumberValue number => number.Number.ToString(CultureInfo.InvariantCulture),
        DateValue date => Date(date.Date)!,
        _ => ValueJson(new Answer(value), "value"),
    };

    /// <summary>One property of an answer's JSON, which is also YAML flow text.</summary>
    private static string ValueJson(Answer answer, string property)
    {
        using var document = JsonDocument.Parse(AnswerJson.Serialize(answer));
        return document.RootElement.GetProperty(property).GetRawText();
    }

    // Text cells, never numbers or dates: what was written is read back exactly.
    private static void Text(IXLCell cell, string? value)
    {
        if (value is not null)
        {
            cell.SetValue(value);
            cell.DataType = XLDataType.Text;
        }
    }

    /// <summary>
    /// A date as a date cell shown as yyyy-mm-dd, and an empty date cell formatted so: a date typed into it in Excel or
    /// Calc reads as that date, whatever the machine's locale.
    /// </summary>
    private static void DateCell(IXLCell cell, DateOnly? date)
    {
        if (date is { } value)
        {
            cell.SetValue(value.ToDateTime(TimeOnly.MinValue));
        }
        cell.Style.NumberFormat.Format = "yyyy-mm-dd";
    }

    /// <summary>
    /// The hidden sheet of option lists, one column per choice question (its key, then its option ids): a drop-down
    /// that names a range has no length limit, where one that spells its options out stops at 255 characters.
    /// </summary>
    private sealed class ChoiceLists(XLWorkbook workbook)
    {
        private IXLWorksheet? _sheet;
        private int _column;

        public IXLRange Add(string key, IReadOnlyList<string> options)
        {
            _sheet ??= workbook.Worksheets.Add(WorkbookLayout.ChoicesSheet).Hide();
            _column++;
            Text(_sheet.Cell(1, _column), key);
            for (var i = 0; i < options.Count; i++)
            {
                Text(_sheet.Cell(i + 2, _column), options[i]);
            }
            return _sheet.Range(2, _column, options.Count + 1, _column);
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
