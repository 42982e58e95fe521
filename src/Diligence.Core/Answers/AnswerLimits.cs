using System.Globalization;
using System.Text;
using Diligence.Core.Definitions;

namespace Diligence.Core.Answers;

/// <summary>
/// The most any answer may hold, whatever its questionnaire says, so that no path (form post, autosave, answers file,
/// workbook, vendor library) stores more than a person could write: text fields, markdown, repeat entries, and the
/// stored JSON of the whole answer. A questionnaire's <c>maxLength</c> or repeat <c>max</c> may lower a limit, never
/// raise it. Checked on every answer, hidden or shown, empty or not, before anything else looks at it.
/// </summary>
public static class AnswerLimits
{
    /// <summary>Text, URL, matrix cell, other, justification, explanation, note and each evidence field.</summary>
    public const int TextCharacters = 4_000;

    public const int MarkdownCharacters = 20_000;

    public const int RepeatEntries = 200;

    public const int EvidencePerAnswer = 50;

    /// <summary>The whole answer as stored (UTF-8 JSON); also the longest cell a workbook may hold.</summary>
    public const int StoredBytes = 64 * 1024;

    public static readonly string TooLarge = Format($"The answer is larger than {StoredBytes / 1024} KB as stored; shorten it.");

    /// <summary>The longest value <paramref name="item"/> takes: its own <c>maxLength</c> when lower than the default.</summary>
    public static int MaxCharacters(AnswerableItem item) => item switch
    {
        TextItem text => Math.Min(text.MaxLength ?? TextCharacters, TextCharacters),
        MarkdownItem markdown => Math.Min(markdown.MaxLength ?? MarkdownCharacters, MarkdownCharacters),
        _ => TextCharacters,
    };

    public static int MaxEntries(RepeatItem item) => Math.Min(item.Max ?? RepeatEntries, RepeatEntries);

    /// <summary>User-facing messages, one sentence each, as <see cref="AnswerValidator"/> words them; empty when within every limit.</summary>
    public static IReadOnlyList<string> Check(AnswerableItem item, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        var problems = new List<string>();
        CheckValue(item, answer.Value, "", problems);
        CheckText(answer.Other, "the other answer", problems);
        CheckText(answer.Justification, "the justification", problems);
        CheckText(answer.Explanation, "the explanation", problems);
        CheckText(answer.Note, "the note", problems);
        var evidence = answer.Evidence ?? [];
        if (evidence.Count > EvidencePerAnswer)
            problems.Add(Format($"Add no more than {EvidencePerAnswer} pieces of evidence."));
        else
        {
            for (var i = 0; i < evidence.Count; i++)
                CheckEvidence(evidence[i], Format($"Evidence {i + 1}: "), problems);
        }
        // Each field within its limit can still add up (a table of long cells): the stored form is capped as a whole.
        if (problems.Count == 0 && Encoding.UTF8.GetByteCount(AnswerJson.Serialize(answer)) > StoredBytes)
            problems.Add(TooLarge);
        return problems;
    }

    private static void CheckValue(AnswerableItem item, AnswerValue value, string prefix, List<string> problems)
    {
        switch (value)
        {
            case TextValue text:
                CheckLength(text.Text, MaxCharacters(item), prefix, problems);
                break;
            case MatrixValue matrix:
                foreach (var (rowId, columns) in matrix.Rows)
                {
                    foreach (var (columnId, cell) in columns)
                        CheckValue(item, cell, Format($"{prefix}Row '{Shorten(rowId)}', column '{Shorten(columnId)}': "), problems);
                }
                break;
            case RepeatValue repeat when item is RepeatItem repeatItem:
                var most = MaxEntries(repeatItem);
                if (repeat.Entries.Count > most)
                {
                    problems.Add(Format($"{prefix}Add no more than {most:N0} {(most == 1 ? "entry" : "entries")}."));
                    break;
                }
                for (var i = 0; i < repeat.Entries.Count; i++)
                {
                    foreach (var (subId, subValue) in repeat.Entries[i])
                    {
                        var subItem = repeatItem.FindSubItem(subId);
                        var subPrefix = Format($"{prefix}Entry {i + 1}, {subItem?.Prompt ?? Shorten(subId)}: ");
                        CheckValue(subItem ?? item, subValue, subPrefix, problems);
                    }
                }
                break;
            case EvidenceValue evidence:
                CheckEvidence(evidence.Reference, prefix, problems);
                break;
        }
    }

    private static void CheckEvidence(EvidenceReference evidence, string prefix, List<string> problems)
    {
        CheckText(evidence.Title, $"{prefix}the title", problems);
        CheckText(evidence.Url, $"{prefix}the URL", problems);
        CheckText(evidence.Reference, $"{prefix}the reference", problems);
    }

    private static void CheckLength(string text, int max, string prefix, List<string> problems)
    {
        if (text.Length > max)
            problems.Add(Format($"{prefix}Enter no more than {max:N0} {(max == 1 ? "character" : "characters")}."));
    }

    private static void CheckText(string? text, string what, List<string> problems)
    {
        if (text?.Length > TextCharacters)
            problems.Add(Capitalize(Format($"{what} is longer than {TextCharacters:N0} characters; shorten it.")));
    }

    // An id from hostile input is echoed back, so only as much of it as names it.
    private static string Shorten(string id) => id.Length <= 40 ? id : string.Concat(id.AsSpan(0, 40), "…");

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
