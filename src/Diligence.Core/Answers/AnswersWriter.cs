using System.Globalization;
using Diligence.Core.Definitions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Diligence.Core.Answers;

/// <summary>
/// Writes an <see cref="AnswerSheet"/> as an answers file (the format <see cref="AnswersLoader"/> reads), answers in
/// questionnaire order, so loading the output gives back an equal sheet. Keys the questionnaire does not know are
/// left out: the loader would refuse them.
/// </summary>
public static class AnswersWriter
{
    public static string Write(AnswerSheet sheet, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(questionnaire);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, bestIndent: 2, bestWidth: int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Plain(emitter, "questionnaire");
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
        Field(emitter, "id", questionnaire.Id, plain: true);
        Field(emitter, "version", questionnaire.Version, plain: true);
        emitter.Emit(new MappingEnd());
        if (sheet.VendorName is not null || sheet.Product is not null)
        {
            Plain(emitter, "vendor");
            emitter.Emit(new MappingStart());
            Field(emitter, "name", sheet.VendorName);
            Field(emitter, "product", sheet.Product);
            emitter.Emit(new MappingEnd());
        }
        DateField(emitter, "asOf", sheet.AsOf);
        Plain(emitter, "answers");
        emitter.Emit(new MappingStart());
        foreach (var item in questionnaire.AnswerableItems)
        {
            if (sheet[item.Key] is { } answer)
            {
                Plain(emitter, item.Key);
                WriteAnswer(emitter, item, answer);
            }
        }
        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteAnswer(IEmitter emitter, AnswerableItem item, Answer answer)
    {
        emitter.Emit(new MappingStart());
        Plain(emitter, "value");
        WriteValue(emitter, item, answer.Value);
        Field(emitter, "other", answer.Other);
        Field(emitter, "justification", answer.Justification);
        Field(emitter, "explanation", answer.Explanation);
        Field(emitter, "note", answer.Note);
        if (answer.Evidence is { Count: > 0 } evidence)
        {
            Plain(emitter, "evidence");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var reference in evidence)
            {
                WriteEvidence(emitter, reference);
            }
            emitter.Emit(new SequenceEnd());
        }
        DateField(emitter, "asOf", answer.AsOf);
        emitter.Emit(new MappingEnd());
    }

    private static void WriteValue(IEmitter emitter, AnswerableItem item, AnswerValue value)
    {
        switch (value)
        {
            case ChoiceValue choice:
                Plain(emitter, choice.OptionId);
                break;
            case ChoicesValue choices:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
                foreach (var id in choices.OptionIds)
                {
                    Plain(emitter, id);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case TextValue text:
                Quoted(emitter, text.Text);
                break;
            case NumberValue number:
                Plain(emitter, number.Number.ToString(CultureInfo.InvariantCulture));
                break;
            case DateValue date:
                Plain(emitter, Date(date.Date));
                break;
            case EvidenceValue evidence:
                WriteEvidence(emitter, evidence.Reference);
                break;
            case MatrixValue matrix when item is MatrixItem definition:
                WriteMatrix(emitter, definition, matrix);
                break;
            case RepeatValue repeat when item is RepeatItem definition:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var entry in repeat.Entries)
                {
                    emitter.Emit(new MappingStart());
                    foreach (var sub in definition.Items)
                    {
                        if (entry.TryGetValue(sub.Id, out var subValue))
                        {
                            Plain(emitter, sub.Id);
                            WriteValue(emitter, sub, subValue);
                        }
                    }
                    emitter.Emit(new MappingEnd());
                }
                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} does not answer a {item.Type} item ('{item.Key}').", nameof(value));
        }
    }

    private static void WriteMatrix(IEmitter emitter, MatrixItem item, MatrixValue matrix)
    {
        emitter.Emit(new MappingStart());
        foreach (var row in item.Rows)
        {
            if (!matrix.Rows.TryGetValue(row.Id, out var cells))
            {
                continue;
            }
            Plain(emitter, row.Id);
            emitter.Emit(new MappingStart());
            foreach (var column in item.Columns)
            {
                if (cells.TryGetValue(column.Id, out var cell))
                {
                    Plain(emitter, column.Id);
                    switch (cell)
                    {
                        case ChoiceValue choice:
                            Plain(emitter, choice.OptionId);
                            break;
                        case TextValue text:
                            Quoted(emitter, text.Text);
                            break;
                    }
                }
            }
            emitter.Emit(new MappingEnd());
        }
        emitter.Emit(new MappingEnd());
    }

    private static void WriteEvidence(IEmitter emitter, EvidenceReference reference)
    {
        emitter.Emit(new MappingStart());
        Field(emitter, "title", reference.Title);
        Field(emitter, "url", reference.Url);
        Field(emitter, "reference", reference.Reference);
        if (reference.Availability is { } availability)
        {
            Field(emitter, "availability", EvidenceAvailabilityNames.ToName(availability), plain: true);
        }
        DateField(emitter, "effective", reference.Effective);
        DateField(emitter, "expires", reference.Expires);
        emitter.Emit(new MappingEnd());
    }

    private static void Field(IEmitter emitter, string name, string? value, bool plain = false)
    {
        if (value is null)
        {
            return;
        }
        Plain(emitter, name);
        if (plain)
        {
            Plain(emitter, value);
        }
        else
        {
            Quoted(emitter, value);
        }
    }

    private static void DateField(IEmitter emitter, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            Plain(emitter, name);
            Plain(emitter, Date(date));
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Ids, keys, dates and numbers never need quoting; text always gets double quotes, so no text reads as another type.
    private static void Plain(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false));

    private static void Quoted(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true));
}
