using System.Globalization;
using System.Text.RegularExpressions;
using Diligence.Core.Definitions;

namespace Diligence.Core.Answers;

/// <summary>
/// Checks one answer against its item: value type, options, exclusive choices, bounds, pattern, whole numbers, date
/// ranges (durations relative to <c>today</c>), URL scheme, matrix rows and columns, repeat entries. Lengths and counts
/// are <see cref="AnswerLimits"/>' concern, checked first on every answer. An empty value is unanswered, not invalid:
/// whether it must be answered is progress's concern.
/// </summary>
public static class AnswerValidator
{
    /// <summary>
    /// User-facing messages, one sentence each; empty when the answer is valid. <paramref name="dates"/> gives the other
    /// answers a date item bounded by another item is checked against; without it those bounds are not checked.
    /// </summary>
    public static IReadOnlyList<string> Validate(Item item, Answer answer, DateOnly today, AnsweredDates? dates = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        var problems = new List<string>();
        if (item is not AnswerableItem question)
        {
            problems.Add("This item takes no answer.");
            return problems;
        }
        CheckValue(question, answer.Value, today, "", problems);
        if (question is DateItem dateItem && answer.Value is DateValue date && dates is not null)
            CheckDateItemBounds(dateItem, date.Date, dates, problems);
        if (question is ChoiceItem { AllowOther: true } && ChoosesOther(answer.Value) && string.IsNullOrWhiteSpace(answer.Other))
            problems.Add("Describe the other answer.");
        var evidence = answer.Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
            CheckEvidence(evidence[i], Format($"Evidence {i + 1}: "), problems);
        return problems;
    }

    private static bool ChoosesOther(AnswerValue value) =>
        value switch
        {
            ChoiceValue choice => choice.OptionId == ChoiceItem.OtherId,
            ChoicesValue choices => choices.OptionIds.Contains(ChoiceItem.OtherId),
            _ => false,
        };

    private static void CheckValue(AnswerableItem item, AnswerValue value, DateOnly today, string prefix, List<string> problems)
    {
        if (value.IsEmpty)
            return;
        switch (item, value)
        {
            case (YesNoNaItem, ChoiceValue choice):
                if (!YesNoNaItem.IsAnswerId(choice.OptionId))
                    problems.Add($"{prefix}Answer yes, no or n/a.");
                break;
            case (SingleChoiceItem single, ChoiceValue choice):
                if (!single.IsChoice(choice.OptionId))
                    problems.Add($"{prefix}'{choice.OptionId}' is not one of the options.");
                break;
            case (MultiChoiceItem multi, ChoicesValue choices):
                CheckChoices(multi, choices, prefix, problems);
                break;
            case (TextItem text, TextValue answer):
                if (text.PatternRegex is { } pattern && !Matches(pattern, answer.Text))
                    problems.Add($"{prefix}Enter text in the expected format.");
                break;
            case (MarkdownItem, TextValue):
                break;
            case (UrlItem, TextValue answer):
                if (!IsWebUrl(answer.Text))
                    problems.Add($"{prefix}Enter an absolute http or https URL.");
                break;
            case (NumberItem number, NumberValue answer):
                CheckNumber(number, answer.Number, prefix, problems);
                break;
            case (DateItem date, DateValue answer):
                CheckDate(date, answer.Date, today, prefix, problems);
                break;
            case (MatrixItem matrix, MatrixValue answer):
                CheckMatrix(matrix, answer, prefix, problems);
                break;
            case (RepeatItem repeat, RepeatValue answer):
                CheckRepeat(repeat, answer, today, prefix, problems);
                break;
            case (EvidenceItem, EvidenceValue answer):
                CheckEvidence(answer.Reference, prefix, problems);
                break;
            default:
                problems.Add($"{prefix}This question takes {Expected(item.Type)}.");
                break;
        }
    }

    private static string Expected(ItemType type) =>
        type switch
        {
            ItemType.YesNoNa => "a yes, no or n/a answer",
            ItemType.SingleChoice => "one option",
            ItemType.MultiChoice => "a list of options",
            ItemType.Number => "a number",
            ItemType.Date => "a date",
            ItemType.Url => "a URL",
            ItemType.Matrix => "a table",
            ItemType.Repeat => "a list of entries",
            ItemType.Evidence => "a piece of evidence",
            _ => "text",
        };

    private static void CheckChoices(MultiChoiceItem item, ChoicesValue value, string prefix, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in value.OptionIds)
        {
            if (!item.IsChoice(id))
                problems.Add($"{prefix}'{id}' is not one of the options.");
            else if (!seen.Add(id))
                problems.Add($"{prefix}'{id}' is chosen more than once.");
        }
        if (seen.Count > 1)
        {
            foreach (var id in seen)
            {
                if (item.FindOption(id) is { Exclusive: true } exclusive)
                    problems.Add($"{prefix}'{exclusive.Label}' cannot be combined with other choices.");
            }
        }
        if (item.Min is { } min && seen.Count < min)
            problems.Add(Format($"{prefix}Choose at least {min} {Plural(min, "option", "options")}."));
        if (item.Max is { } max && seen.Count > max)
            problems.Add(Format($"{prefix}Choose no more than {max} {Plural(max, "option", "options")}."));
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    internal static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void CheckNumber(NumberItem item, decimal number, string prefix, List<string> problems)
    {
        if (item.Integer && number != decimal.Truncate(number))
            problems.Add($"{prefix}Enter a whole number.");
        if (item.Min is { } min && number < min)
            problems.Add(Format($"{prefix}Enter a number no less than {min}."));
        if (item.Max is { } max && number > max)
            problems.Add(Format($"{prefix}Enter a number no greater than {max}."));
    }

    private static void CheckDate(DateItem item, DateOnly date, DateOnly today, string prefix, List<string> problems)
    {
        if (item.Min?.Resolve(today) is { } min && date < min)
            problems.Add(Format($"{prefix}Enter a date no earlier than {min:yyyy-MM-dd}."));
        if (item.Max?.Resolve(today) is { } max && date > max)
            problems.Add(Format($"{prefix}Enter a date no later than {max:yyyy-MM-dd}."));
    }

    private static void CheckDateItemBounds(DateItem item, DateOnly date, AnsweredDates dates, List<string> problems)
    {
        if (item.MinItem is { } minItem && dates.Find(minItem) is { } min && date < min.Date)
            problems.Add(Format($"Enter a date no earlier than '{min.Prompt}' ({min.Date:yyyy-MM-dd})."));
        if (item.MaxItem is { } maxItem && dates.Find(maxItem) is { } max && date > max.Date)
            problems.Add(Format($"Enter a date no later than '{max.Prompt}' ({max.Date:yyyy-MM-dd})."));
    }

    private static void CheckMatrix(MatrixItem item, MatrixValue value, string prefix, List<string> problems)
    {
        foreach (var (rowId, columns) in value.Rows)
        {
            if (item.FindRow(rowId) is null)
            {
                problems.Add($"{prefix}'{rowId}' is not a row of this table.");
                continue;
            }
            foreach (var (columnId, cell) in columns)
            {
                if (item.FindColumn(columnId) is null)
                {
                    problems.Add($"{prefix}'{columnId}' is not a column of this table.");
                    continue;
                }
                if (cell.IsEmpty)
                    continue;
                var cellPrefix = $"{prefix}Row '{rowId}', column '{columnId}': ";
                switch (item.Cell.Type, cell)
                {
                    case (ItemType.Text, TextValue):
                        break;
                    case (ItemType.YesNoNa, ChoiceValue choice) when !YesNoNaItem.IsAnswerId(choice.OptionId):
                        problems.Add($"{cellPrefix}Answer yes, no or n/a.");
                        break;
                    case (ItemType.SingleChoice, ChoiceValue choice) when !item.Cell.IsChoice(choice.OptionId):
                        problems.Add($"{cellPrefix}'{choice.OptionId}' is not one of the options.");
                        break;
                    case (ItemType.YesNoNa or ItemType.SingleChoice, ChoiceValue):
                        break;
                    default:
                        problems.Add($"{cellPrefix}This cell takes {Expected(item.Cell.Type)}.");
                        break;
                }
            }
        }
    }

    private static void CheckRepeat(RepeatItem item, RepeatValue value, DateOnly today, string prefix, List<string> problems)
    {
        var count = value.Entries.Count;
        if (item.Min is { } min && count < min)
            problems.Add(Format($"{prefix}Add at least {min} {Plural(min, "entry", "entries")}."));
        for (var i = 0; i < count; i++)
        {
            var entry = value.Entries[i];
            var entryPrefix = Format($"{prefix}Entry {i + 1}");
            foreach (var subId in entry.Keys)
            {
                if (item.FindSubItem(subId) is null)
                    problems.Add($"{entryPrefix}: '{subId}' is not a question of this list.");
            }
            foreach (var subItem in item.Items)
            {
                if (!entry.TryGetValue(subItem.Id, out var subValue) || subValue.IsEmpty)
                {
                    if (subItem.Required)
                        problems.Add($"{entryPrefix}: answer '{subItem.Prompt}'.");
                    continue;
                }
                CheckValue(subItem, subValue, today, $"{entryPrefix}, {subItem.Prompt}: ", problems);
            }
        }
    }

    private static void CheckEvidence(EvidenceReference evidence, string prefix, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(evidence.Title))
            problems.Add($"{prefix}Give the evidence a title.");
        if (evidence.Url is not null && !IsWebUrl(evidence.Url))
            problems.Add($"{prefix}Enter an absolute http or https URL for the evidence.");
        if (evidence.Effective is { } effective && evidence.Expires is { } expires && expires < effective)
            problems.Add($"{prefix}The evidence expires before it takes effect.");
    }

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
