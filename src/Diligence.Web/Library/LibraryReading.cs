using Diligence.Core.Answers;
using Diligence.Web.Reviews;

namespace Diligence.Web.Library;

/// <summary>One library answer as staff read it: the question, the answer in words, the day it was true, and whether it is stale.</summary>
public sealed record LibraryAnswerView(string Prompt, IReadOnlyList<string> Lines, IReadOnlyList<string> Notes, DateOnly AsOf, string? StaleReason);

/// <summary>A step's answered questions in the library.</summary>
public sealed record LibraryStepView(string Id, string Title, IReadOnlyList<LibraryAnswerView> Answers);

/// <summary>A vendor's library, step by step in questionnaire order, for reading in the app.</summary>
public static class LibraryReading
{
    /// <summary>The answered, visible questions of each step; steps with none are left out.</summary>
    public static IReadOnlyList<LibraryStepView> Of(LibraryState state, int staleAfterMonths)
    {
        var definition = state.Questionnaire.Definition;
        var steps = new List<LibraryStepView>();
        foreach (var step in definition.Steps.Where(s => state.Evaluation.IsStepVisible(s.Id)))
        {
            var answers = new List<LibraryAnswerView>();
            foreach (var item in StepView.AnswerableItemsOf(step.Items).Where(i => state.Evaluation.IsVisible(i.Id)))
            {
                if (state.Sheet[item.Key] is not { } answer || answer.Value.IsEmpty)
                {
                    continue;
                }
                var asOf = AsOfFor(state, item.Key, answer);
                answers.Add(new LibraryAnswerView(
                    item.Prompt,
                    AnswerText.Lines(item, answer, definition),
                    [.. new[] { ("Justification", answer.Justification), ("Explanation", answer.Explanation), ("Note", answer.Note) }
                        .Where(n => !string.IsNullOrWhiteSpace(n.Item2))
                        .Select(n => $"{n.Item1}: {n.Item2}")],
                    asOf,
                    Staleness.ReasonFor(answer, asOf, state.Today, staleAfterMonths)));
            }
            if (answers.Count > 0)
            {
                steps.Add(new LibraryStepView(step.Id, step.Title, answers));
            }
        }
        return steps;
    }

    // As a prefilled answer reads it: its own asOf, else the day the vendor declared the library current (when that
    // came after the answer), else the day the answer last changed.
    private static DateOnly AsOfFor(LibraryState state, string key, Answer answer)
    {
        var changed = state.Stored[key].UpdatedAt;
        return answer.AsOf
            ?? (state.Status is { AsOf: { } declared, SubmittedAt: { } submitted } && submitted >= changed
                ? declared
                : DateOnly.FromDateTime(changed.UtcDateTime));
    }
}
