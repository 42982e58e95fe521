using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Data;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// Saving one item, the same for a review and a vendor library: read and validate the posted fields, skip a re-post of
/// what is stored, save through the caller's store, and turn a conflict into what the page shows.
/// </summary>
public static class ItemSave
{
    /// <summary>
    /// The outcome, and the answers after the save when it changed something (null otherwise), for the caller to
    /// evaluate. <paramref name="store"/> saves the JSON (null: clear) with <paramref name="expectedVersion"/>.
    /// </summary>
    public static async Task<(ItemSaveOutcome Outcome, AnswersAfterSave? After)> SaveAsync(
        IAnswerSet state, AnswerableItem item, Func<string, StringValues> form, int expectedVersion,
        Func<string?, Task<AnswerSaveResult>> store, IUserStore users, CancellationToken ct)
    {
        state.Stored.TryGetValue(item.Key, out var current);
        var (invalid, unchanged, json) = AnswerSubmission.Prepare(item, form, state.Sheet[item.Key], state.Today);
        if (invalid is not null)
        {
            return (invalid, null);
        }
        // Already stored as posted, even at a later version than the user's page (autosave stores a field as the user
        // leaves it for a button that posts the whole step): nothing to save, and nothing anyone wrote to overwrite.
        if (unchanged || current?.ValueJson == json)
        {
            return (new ItemSaveOutcome.Saved(current?.Version ?? 0, Changed: false), null);
        }
        switch (await store(json))
        {
            case AnswerSaveResult.Conflict conflict:
                var author = conflict.Current is null ? "someone" : (await users.GetAsync(conflict.Current.UpdatedBy, ct))?.DisplayName ?? "someone";
                var text = conflict.Current is null ? "(cleared)" : AnswerText.Describe(item, AnswerJson.Deserialize(conflict.Current.ValueJson, item));
                return (new ItemSaveOutcome.Conflict(conflict.Current, conflict.CurrentVersion, author, text), null);
            case AnswerSaveResult.Saved saved:
                var stored = new Dictionary<string, StoredAnswer>(state.Stored, StringComparer.Ordinal);
                Answer? read = null;
                if (saved.Answer is null)
                {
                    stored.Remove(item.Key);
                }
                else
                {
                    stored[item.Key] = saved.Answer;
                    AnswerJson.TryDeserialize(saved.Answer.ValueJson, item, out read);
                }
                return (new ItemSaveOutcome.Saved(saved.Version, Changed: true), new AnswersAfterSave(stored, state.Sheet.With(item.Key, read)));
            default:
                throw new InvalidOperationException("Unknown save result.");
        }
    }
}
