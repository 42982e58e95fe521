using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>Turns a stored answer into the form fields that show it (the inverse of <see cref="AnswerFormReader"/>).</summary>
public static class AnswerFields
{
    public static void Write(AnswerableItem item, Answer? answer, IDictionary<string, StringValues> fields)
    {
        if (answer is null)
        {
            return;
        }
        var id = item.Id;
        WriteValue(item, FieldNames.Value(id), answer.Value, fields);
        Put(fields, FieldNames.Part(id, "other"), answer.Other);
        Put(fields, FieldNames.Part(id, "justification"), answer.Justification);
        Put(fields, FieldNames.Part(id, "explanation"), answer.Explanation);
        Put(fields, FieldNames.Part(id, "note"), answer.Note);
        Put(fields, FieldNames.Part(id, "asOf"), answer.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static void WriteValue(AnswerableItem item, string name, AnswerValue value, IDictionary<string, StringValues> fields)
    {
        switch (item, value)
        {
            case (MatrixItem matrix, MatrixValue cells):
                foreach (var (rowId, columns) in cells.Rows)
                {
                    foreach (var (columnId, cell) in columns)
                    {
                        Put(fields, FieldNames.Cell(matrix.Id, rowId, columnId), Scalar(cell));
                    }
                }
                break;
            case (RepeatItem repeat, RepeatValue entries):
                for (var index = 0; index < entries.Entries.Count; index++)
                {
                    foreach (var (subId, subValue) in entries.Entries[index])
                    {
                        if (repeat.FindSubItem(subId) is { } sub)
                        {
                            WriteValue(sub, FieldNames.Entry(repeat.Id, index, subId), subValue, fields);
                        }
                    }
                }
                break;
            case (_, EvidenceValue evidence):
                var reference = evidence.Reference;
                Put(fields, name + ".title", reference.Title);
                Put(fields, name + ".url", reference.Url);
                Put(fields, name + ".reference", reference.Reference);
                Put(fields, name + ".availability",
                    reference.Availability is { } availability ? EvidenceAvailabilityNames.ToName(availability) : null);
                Put(fields, name + ".effective", reference.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Put(fields, name + ".expires", reference.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case (_, ChoicesValue choices):
                fields[name] = new StringValues(choices.OptionIds.ToArray());
                break;
            default:
                Put(fields, name, Scalar(value));
                break;
        }
    }

    private static string? Scalar(AnswerValue value) => value switch
    {
        ChoiceValue choice => choice.OptionId,
        TextValue text => text.Text,
        NumberValue number => number.Number.ToString(CultureInfo.InvariantCulture),
        DateValue date => date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static void Put(IDictionary<string, StringValues> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields[name] = value;
        }
    }
}
