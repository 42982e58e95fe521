using Diligence.Core.Definitions;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// A whole step posted without JavaScript, for a review or a vendor library alike: each item the user's page showed
/// is saved in turn through the workspace, and what could not be saved is collected for the page to show.
/// </summary>
public sealed record StepSubmission<TState>(
    TState State,
    FieldValues Posted,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    IReadOnlyDictionary<string, ItemSaveOutcome.Conflict> Conflicts,
    IReadOnlyDictionary<string, int> Versions,
    string? AddEntryTo,
    bool GoNext)
    where TState : IAnswerSet
{
    public bool HasProblems => Errors.Count > 0 || Conflicts.Count > 0;

    public static async Task<StepSubmission<TState>> SaveAsync(
        TState state,
        IEnumerable<AnswerableItem> items,
        IFormCollection form,
        Func<TState, AnswerableItem, Func<string, StringValues>, int, Task<(ItemSaveOutcome Outcome, TState State)>> save)
    {
        StringValues Field(string name) => form[name];
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var conflicts = new Dictionary<string, ItemSaveOutcome.Conflict>();
        var versions = new Dictionary<string, int>();
        foreach (var item in items)
        {
            // Only items the user's page showed: hidden ones keep their answer untouched.
            if (!state.Evaluation.IsVisible(item.Id) || !form.ContainsKey(FieldNames.Version(item.Id)))
            {
                continue;
            }
            var expected = int.TryParse(form[FieldNames.Version(item.Id)], out var version) ? version : 0;
            var (outcome, next) = await save(state, item, Field, expected);
            state = next;
            switch (outcome)
            {
                case ItemSaveOutcome.Saved saved:
                    versions[item.Id] = saved.Version;
                    break;
                case ItemSaveOutcome.Invalid invalid:
                    errors[item.Id] = invalid.Errors;
                    break;
                case ItemSaveOutcome.Conflict conflict:
                    conflicts[item.Id] = conflict;
                    versions[item.Id] = conflict.CurrentVersion;
                    break;
            }
        }
        var posted = new FieldValues(form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
        var addTo = form.Keys.FirstOrDefault(k => k.StartsWith("add.", StringComparison.Ordinal))?["add.".Length..];
        return new StepSubmission<TState>(state, posted, errors, conflicts, versions, addTo, form["go"] == "next");
    }
}
