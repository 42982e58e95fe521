using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;

namespace Diligence.Web.Reviews;

/// <summary>
/// On a re-assessment, the vendor's library answers that are newer than what was carried forward, and the reviewer
/// taking one into the review (vendor-supplied again, as a prefilled answer is).
/// </summary>
public sealed class LibraryUpdates(
    IReviewStore reviews, IAnswerStore answers, ILibraryStore libraries, IProvenanceStore provenance, ReviewWorkspace workspace,
    IAuditTrail audit, TimeProvider clock)
{
    public const string Changed =
        "Someone changed this answer while you were looking at it, so the vendor's answer was not taken. Check it below and try again.";

    /// <summary>
    /// Library answers that differ from the review's and that the vendor changed after the carried answer was given:
    /// after the vendor value it carries when it came from the vendor, else after the earlier review last saved it, else
    /// (the earlier review left it unanswered) after that review started. Empty for a review that re-assesses nothing.
    /// </summary>
    public async Task<IReadOnlyList<NewerLibraryAnswer>> ListAsync(ReviewState state, CancellationToken ct)
    {
        if (state.Review.PreviousReviewId is not { } previousId || state.IsLocked
            || await reviews.GetAsync(previousId, ct) is not { } previous)
        {
            return [];
        }
        var earlier = (await answers.ListAsync(previousId, ct)).ToDictionary(a => a.Key, StringComparer.Ordinal);
        var definition = state.Questionnaire.Definition;
        var newer = new List<NewerLibraryAnswer>();
        foreach (var library in await libraries.ListAsync(state.Vendor.Id, ct))
        {
            var current = state.Stored.GetValueOrDefault(library.Key);
            if (current?.ValueJson == library.ValueJson
                || definition.FindItemByKey(library.Key) is not { } item || definition.FindStepOf(item.Id) is not { } step
                || !AnswerJson.TryDeserialize(library.ValueJson, item, out var vendorAnswer))
            {
                continue;
            }
            var carriedAt = state.Origins.GetValueOrDefault(library.Key)?.VendorUpdatedAt
                ?? earlier.GetValueOrDefault(library.Key)?.UpdatedAt
                ?? previous.CreatedAt;
            if (library.UpdatedAt <= carriedAt)
            {
                continue;
            }
            var reviewText = state.Sheet[library.Key] is { } answer ? AnswerText.Describe(item, answer) : null;
            newer.Add(new NewerLibraryAnswer(library.Key, item.Prompt, step.Id, step.Title, AnswerText.Describe(item, vendorAnswer),
                DateOnly.FromDateTime(library.UpdatedAt.UtcDateTime), reviewText, current?.Version ?? 0));
        }
        return newer;
    }

    /// <summary>
    /// The reviewer takes the vendor's library answer to <paramref name="key"/>: one command, its answer.saved event in
    /// its transaction; then the automatic findings follow the new answer.
    /// </summary>
    public async Task<ChangeOutcome> TakeAsync(Guid reviewId, string? key, int version, Guid userId, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null || key is null || state.Questionnaire.Definition.FindItemByKey(key) is null)
        {
            return new ChangeOutcome.NotFound();
        }
        if (state.IsLocked)
        {
            return Refused(ReviewLifecycleService.Locked);
        }
        var result = await provenance.TakeLibraryAnswerAsync(reviewId, key, version, userId, clock.GetUtcNow(),
            (before, saved) => audit.Describe(new AuditRecord(
                AuditActions.AnswerSaved, AuditResources.Answer, $"{reviewId}/{key}",
                AuditSummary.Answer(before),
                string.Create(CultureInfo.InvariantCulture, $"{AuditSummary.Answer(saved.Version, saved.Answer?.ValueJson)} from=library"))),
            ct);
        switch (result)
        {
            case null:
                return new ChangeOutcome.NotFound();
            case AnswerSaveResult.Conflict:
                return Refused(Changed);
        }
        audit.Written(AuditActions.AnswerSaved);
        if (await workspace.LoadAsync(reviewId, ct) is { } after)
        {
            await workspace.SyncFindingsAsync(after, ct);
        }
        return new ChangeOutcome.Done(reviewId);
    }

    private static ChangeOutcome.Refused Refused(string message) =>
        new(new Dictionary<string, string> { [ChangeOutcome.FormError] = message });
}
