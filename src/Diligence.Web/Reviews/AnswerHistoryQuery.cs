using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>Who changed which answer of a review, when, from what to what.</summary>
public sealed class AnswerHistoryQuery(ReviewWorkspace workspace, IAnswerStore answers, IUserStore users)
{
    public const string NoAnswer = "(no answer)";
    public const string NotInVersion = "(a value this questionnaire version cannot read)";

    public async Task<AnswerHistory?> LoadAsync(Guid reviewId, string? keyFilter, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null)
        {
            return null;
        }
        var key = string.IsNullOrWhiteSpace(keyFilter) ? null : keyFilter;
        var definition = state.Questionnaire.Definition;
        var entries = await DescribeAsync(definition, await answers.HistoryAsync(reviewId, key, ct), ct);
        return new AnswerHistory(state, key, key is null ? null : definition.FindItemByKey(key)?.Prompt ?? key, entries);
    }

    /// <summary>Changes in words, newest first: a review's, or a vendor library's.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> DescribeAsync(
        Questionnaire definition, IReadOnlyList<Core.Reviews.AnswerChange> changes, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        var entries = new List<HistoryEntry>();
        foreach (var change in changes.Reverse())
        {
            if (!names.TryGetValue(change.ChangedBy, out var who))
            {
                who = (await users.GetAsync(change.ChangedBy, ct))?.DisplayName ?? "(unknown)";
                names[change.ChangedBy] = who;
            }
            var item = definition.FindItemByKey(change.Key);
            entries.Add(new HistoryEntry(
                change.ChangedAt,
                who,
                change.Key,
                item?.Prompt ?? change.Key,
                item is null ? null : definition.FindStepOf(item.Id)?.Id,
                Describe(item, change.OldValueJson),
                Describe(item, change.NewValueJson)));
        }
        return entries;
    }

    /// <summary>A value this version cannot read (the key changed type in another version) is named, not thrown.</summary>
    private static string Describe(AnswerableItem? item, string? json) =>
        json is null ? NoAnswer
        : item is not null && AnswerJson.TryDeserialize(json, item, out var answer) ? AnswerText.Describe(item, answer)
        : NotInVersion;
}
