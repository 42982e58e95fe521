using Diligence.Core.Definitions;

namespace Diligence.Core.Answers;

/// <summary>
/// The other answers a date item bounded by another (<c>min: { item: pilot-start }</c>) is checked against: a hidden or
/// unanswered item gives no date, so it bounds nothing.
/// </summary>
public sealed class AnsweredDates(Questionnaire questionnaire, AnswerSheet sheet, Func<string, bool> isVisible)
{
    /// <summary>The prompt and answered date of date item <paramref name="itemId"/>, or null.</summary>
    public (string Prompt, DateOnly Date)? Find(string itemId) =>
        questionnaire.FindItem(itemId) is DateItem item && isVisible(item.Id) && sheet[item.Key]?.Value is DateValue answer
            ? (item.Prompt, answer.Date)
            : null;
}
