using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Diligence.Core.Definitions;

namespace Diligence.Core.Answers;

/// <summary>
/// The storage form of an answer: JSON shaped like the answers file (<c>{"value": …, "note": …}</c>). Values do not
/// say their type (an option id and a text look alike), so reading one back needs the item it answers.
/// </summary>
public static class AnswerJson
{
    public static string Serialize(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            WriteValue(writer, answer.Value);
            WriteText(writer, "other", answer.Other);
            WriteText(writer, "justification", answer.Justification);
            WriteText(writer, "explanation", answer.Explanation);
            WriteText(writer, "note", answer.Note);
            if (answer.Evidence is { } evidence)
            {
                writer.WriteStartArray("evidence");
                foreach (var reference in evidence)
                    WriteEvidence(writer, reference);
                writer.WriteEndArray();
            }
            WriteDate(writer, "asOf", answer.AsOf);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <exception cref="JsonException">The text is not JSON, or not an answer to <paramref name="item"/>.</exception>
    public static Answer Deserialize(string json, Item item)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(item);
        if (item is not AnswerableItem question)
            throw new JsonException($"item '{item.Id}' takes no answer");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value))
            throw new JsonException("an answer must be an object with a 'value'");
        IReadOnlyList<EvidenceReference>? evidence = null;
        if (root.TryGetProperty("evidence", out var evidenceElement))
            evidence = [.. Elements(evidenceElement, "evidence").Select(ReadEvidence)];
        return new Answer(
            ReadValue(question, value),
            OptionalText(root, "other"),
            OptionalText(root, "justification"),
            OptionalText(root, "explanation"),
            OptionalText(root, "note"),
            evidence,
            OptionalDate(root, "asOf"));
    }

    public static bool TryDeserialize(string json, Item item, [NotNullWhen(true)] out Answer? answer)
    {
        try
        {
            answer = Deserialize(json, item);
            return true;
        }
        catch (JsonException)
        {
            answer = null;
            return false;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, AnswerValue value)
    {
        switch (value)
        {
            case ChoiceValue choice:
                writer.WriteStringValue(choice.OptionId);
                break;
            case ChoicesValue choices:
                writer.WriteStartArray();
                foreach (var id in choices.OptionIds)
                    writer.WriteStringValue(id);
                writer.WriteEndArray();
                break;
            case TextValue text:
                writer.WriteStringValue(text.Text);
                break;
            case NumberValue number:
                writer.WriteNumberValue(number.Number);
                break;
            case DateValue date:
                writer.WriteStringValue(FormatDate(date.Date));
                break;
            case MatrixValue matrix:
                writer.WriteStartObject();
                foreach (var (rowId, columns) in matrix.Rows)
                {
                    writer.WriteStartObject(rowId);
                    foreach (var (columnId, cell) in columns)
                    {
                        writer.WritePropertyName(columnId);
                        WriteValue(writer, cell);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                break;
            case RepeatValue repeat:
                writer.WriteStartArray();
                foreach (var entry in repeat.Entries)
                {
                    writer.WriteStartObject();
                    foreach (var (subId, subValue) in entry)
                    {
                        writer.WritePropertyName(subId);
                        WriteValue(writer, subValue);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                break;
            case EvidenceValue evidence:
                WriteEvidence(writer, evidence.Reference);
                break;
            default:
                throw new ArgumentException($"unsupported answer value {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteEvidence(Utf8JsonWriter writer, EvidenceReference evidence)
    {
        writer.WriteStartObject();
        writer.WriteString("title", evidence.Title);
        WriteText(writer, "url", evidence.Url);
        WriteText(writer, "reference", evidence.Reference);
        if (evidence.Availability is { } availability)
            writer.WriteString("availability", EvidenceAvailabilityNames.ToName(availability));
        WriteDate(writer, "effective", evidence.Effective);
        WriteDate(writer, "expires", evidence.Expires);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? text)
    {
        if (text is not null)
            writer.WriteString(name, text);
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } value)
            writer.WriteString(name, FormatDate(value));
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AnswerValue ReadValue(AnswerableItem item, JsonElement value) =>
        item.Type switch
        {
            ItemType.YesNoNa or ItemType.SingleChoice => new ChoiceValue(Text(value, "value")),
            ItemType.MultiChoice => new ChoicesValue([.. Elements(value, "value").Select(e => Text(e, "option id"))]),
            ItemType.Text or ItemType.Markdown or ItemType.Url => new TextValue(Text(value, "value")),
            ItemType.Number => new NumberValue(value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
                ? number
                : throw new JsonException("expected a number")),
            ItemType.Date => new DateValue(Date(value, "value")),
            ItemType.Matrix => ReadMatrix((MatrixItem)item, value),
            ItemType.Repeat => ReadRepeat((RepeatItem)item, value),
            ItemType.Evidence => new EvidenceValue(ReadEvidence(value)),
            _ => throw new JsonException($"item '{item.Id}' takes no answer"),
        };

    private static MatrixValue ReadMatrix(MatrixItem item, JsonElement value)
    {
        var rows = new Dictionary<string, IReadOnlyDictionary<string, AnswerValue>>(StringComparer.Ordinal);
        foreach (var row in Properties(value, "matrix"))
        {
            var cells = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            foreach (var cell in Properties(row.Value, "matrix row"))
            {
                cells[cell.Name] = item.Cell.Type == ItemType.Text
                    ? new TextValue(Text(cell.Value, "cell"))
                    : new ChoiceValue(Text(cell.Value, "cell"));
            }
            rows[row.Name] = cells;
        }
        return new MatrixValue(rows);
    }

    private static RepeatValue ReadRepeat(RepeatItem item, JsonElement value)
    {
        var entries = new List<IReadOnlyDictionary<string, AnswerValue>>();
        foreach (var element in Elements(value, "value"))
        {
            var entry = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            foreach (var property in Properties(element, "entry"))
            {
                var subItem = item.FindSubItem(property.Name)
                    ?? throw new JsonException($"'{property.Name}' is not a sub-item of '{item.Id}'");
                entry[property.Name] = ReadValue(subItem, property.Value);
            }
            entries.Add(entry);
        }
        return new RepeatValue(entries);
    }

    private static EvidenceReference ReadEvidence(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException("expected evidence, an object with a title");
        EvidenceAvailability? availability = null;
        if (OptionalText(element, "availability") is { } name)
        {
            availability = EvidenceAvailabilityNames.TryParse(name, out var parsed)
                ? parsed
                : throw new JsonException($"unknown evidence availability '{name}'");
        }
        return new EvidenceReference(
            OptionalText(element, "title") ?? throw new JsonException("evidence needs a title"),
            OptionalText(element, "url"),
            OptionalText(element, "reference"),
            availability,
            OptionalDate(element, "effective"),
            OptionalDate(element, "expires"));
    }

    private static string Text(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new JsonException($"expected text for {what}");

    private static DateOnly Date(JsonElement element, string what) =>
        DateBound.TryParseDate(Text(element, what), out var date) ? date : throw new JsonException($"expected a YYYY-MM-DD date for {what}");

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind != JsonValueKind.Null ? Text(property, name) : null;

    private static DateOnly? OptionalDate(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind != JsonValueKind.Null ? Date(property, name) : null;

    private static JsonElement.ArrayEnumerator Elements(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new JsonException($"expected a list for {what}");

    private static JsonElement.ObjectEnumerator Properties(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw new JsonException($"expected an object for {what}");
}
