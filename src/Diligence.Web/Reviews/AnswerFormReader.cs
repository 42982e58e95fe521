using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// Reads one item's answer from posted form fields (named by <see cref="FieldNames"/>), turning text into typed
/// values. Rules of the questionnaire (min, max, pattern, …) are checked afterwards by Core's AnswerValidator.
/// </summary>
public static class AnswerFormReader
{
    /// <summary>No single field may be longer than this, whatever the questionnaire allows.</summary>
    public const int MaxFieldLength = 50_000;

    public static FormReadResult Read(AnswerableItem item, Func<string, StringValues> form)
    {
        var errors = new List<string>();
        var id = item.Id;
        var removed = form(FieldNames.RemoveEntry(id)).FirstOrDefault();
        var value = ReadValue(item, FieldNames.Value(id), form, errors, removed);
        var answer = new Answer(
            value ?? EmptyValue(item),
            Other: Text(form, FieldNames.Part(id, "other"), errors),
            Justification: Text(form, FieldNames.Part(id, "justification"), errors),
            Explanation: Text(form, FieldNames.Part(id, "explanation"), errors),
            Note: Text(form, FieldNames.Part(id, "note"), errors),
            AsOf: Date(form, FieldNames.Part(id, "asOf"), errors));
        if (errors.Count > 0)
        {
            return new FormReadResult(null, errors);
        }
        var cleared = answer.Value.IsEmpty && answer.Other is null && answer.Justification is null
            && answer.Explanation is null && answer.Note is null;
        return new FormReadResult(cleared ? null : answer, errors);
    }

    private static AnswerValue? ReadValue(
        AnswerableItem item, string name, Func<string, StringValues> form, List<string> errors, string? removedEntry = null)
    {
        switch (item)
        {
            case YesNoNaItem:
            case SingleChoiceItem:
                return Text(form, name, errors) is { } choice ? new ChoiceValue(choice) : null;
            case MultiChoiceItem:
                var chosen = form(name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
                return chosen.Count > 0 ? new ChoicesValue(chosen) : null;
            case NumberItem:
                return Text(form, name, errors) switch
                {
                    null => null,
                    var entered when decimal.TryParse(entered, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                        => new NumberValue(number),
                    _ => Error(errors, "Enter a number, like 12 or 3.5."),
                };
            case DateItem:
                return Text(form, name, errors) switch
                {
                    null => null,
                    var entered when DateOnly.TryParseExact(entered, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        => new DateValue(date),
                    _ => Error(errors, "Enter a date as YYYY-MM-DD, like 2026-03-31."),
                };
            case MatrixItem matrix:
                return ReadMatrix(matrix, form, errors);
            case RepeatItem repeat:
                return ReadRepeat(repeat, form, errors, removedEntry);
            case EvidenceItem:
                return ReadEvidence(name, form, errors);
            default:
                return Text(form, name, errors) is { } text ? new TextValue(text) : null;
        }
    }

    private static MatrixValue? ReadMatrix(MatrixItem matrix, Func<string, StringValues> form, List<string> errors)
    {
        var rows = new Dictionary<string, IReadOnlyDictionary<string, AnswerValue>>(StringComparer.Ordinal);
        foreach (var row in matrix.Rows)
        {
            var cells = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            foreach (var column in matrix.Columns)
            {
                if (Text(form, FieldNames.Cell(matrix.Id, row.Id, column.Id), errors) is { } cell)
                {
                    cells[column.Id] = matrix.Cell.Type == ItemType.Text ? new TextValue(cell) : new ChoiceValue(cell);
                }
            }
            if (cells.Count > 0)
            {
                rows[row.Id] = cells;
            }
        }
        return rows.Count > 0 ? new MatrixValue(rows) : null;
    }

    private static RepeatValue? ReadRepeat(
        RepeatItem repeat, Func<string, StringValues> form, List<string> errors, string? removedEntry)
    {
        var entries = new List<IReadOnlyDictionary<string, AnswerValue>>();
        var count = int.TryParse(form(FieldNames.Part(repeat.Id, "count")).FirstOrDefault(), out var posted)
            ? Math.Clamp(posted, 0, 1000)
            : 0;
        for (var index = 0; index < count; index++)
        {
            if (removedEntry == index.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }
            var entry = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            foreach (var sub in repeat.Items)
            {
                if (ReadValue(sub, FieldNames.Entry(repeat.Id, index, sub.Id), form, errors) is { IsEmpty: false } value)
                {
                    entry[sub.Id] = value;
                }
            }
            if (entry.Count > 0)
            {
                entries.Add(entry);
            }
        }
        return entries.Count > 0 ? new RepeatValue(entries) : null;
    }

    private static EvidenceValue? ReadEvidence(string name, Func<string, StringValues> form, List<string> errors)
    {
        var title = Text(form, name + ".title", errors);
        var url = Text(form, name + ".url", errors);
        var reference = Text(form, name + ".reference", errors);
        var availabilityName = Text(form, name + ".availability", errors);
        var effective = Date(form, name + ".effective", "effective date", errors);
        var expires = Date(form, name + ".expires", "expiry date", errors);
        if (title is null && url is null && reference is null && availabilityName is null && effective is null && expires is null)
        {
            return null;
        }
        EvidenceAvailability? availability = null;
        if (availabilityName is not null)
        {
            if (EvidenceAvailabilityNames.TryParse(availabilityName, out var parsed))
            {
                availability = parsed;
            }
            else
            {
                errors.Add("Choose how the evidence is available.");
            }
        }
        if (title is null)
        {
            errors.Add("Give the evidence a title.");
            return null;
        }
        return new EvidenceValue(new EvidenceReference(title, url, reference, availability, effective, expires));
    }

    private static DateOnly? Date(Func<string, StringValues> form, string name, string label, List<string> errors)
    {
        var text = Text(form, name, errors);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add($"Enter the {label} as YYYY-MM-DD.");
        return null;
    }

    private static string? Text(Func<string, StringValues> form, string name, List<string> errors)
    {
        var value = form(name).FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > MaxFieldLength)
        {
            errors.Add($"This answer is too long: at most {MaxFieldLength:N0} characters.");
            return null;
        }
        return value;
    }

    private static DateOnly? Date(Func<string, StringValues> form, string name, List<string> errors)
    {
        var entered = Text(form, name, errors);
        if (entered is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(entered, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add("Enter the as-of date as YYYY-MM-DD, like 2026-03-31.");
        return null;
    }

    private static AnswerValue? Error(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }

    private static AnswerValue EmptyValue(AnswerableItem item) => item switch
    {
        MultiChoiceItem => new ChoicesValue([]),
        RepeatItem => new RepeatValue([]),
        MatrixItem => new MatrixValue(new Dictionary<string, IReadOnlyDictionary<string, AnswerValue>>()),
        YesNoNaItem or SingleChoiceItem => new ChoiceValue(""),
        _ => new TextValue(""),
    };
}
