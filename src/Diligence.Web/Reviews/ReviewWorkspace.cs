using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Audit;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Audit;
using Diligence.Web.Library;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// Loads a review with its questionnaire and answers, and saves answers: read the form, validate against the
/// questionnaire, store with optimistic concurrency, then bring the automatic findings in line with the answers.
/// </summary>
public sealed class ReviewWorkspace(
    IReviewStore reviews,
    IVendorStore vendors,
    IAnswerStore answers,
    IFindingStore findings,
    IUserStore users,
    IProvenanceStore provenance,
    QuestionnaireCatalog catalog,
    IOptions<LibraryOptions> options,
    IAuditTrail audit,
    TimeProvider clock)
{
    public async Task<ReviewState?> LoadAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await reviews.GetAsync(reviewId, ct);
        if (review is null)
        {
            return null;
        }
        var vendor = await vendors.GetAsync(review.VendorId, ct);
        var questionnaire = await catalog.GetAsync(review.QuestionnaireId, review.QuestionnaireVersion, ct);
        if (vendor is null || questionnaire is null)
        {
            return null;
        }
        var stored = (await answers.ListAsync(reviewId, ct)).ToDictionary(a => a.Key, StringComparer.Ordinal);
        var origins = (await provenance.ListAsync(reviewId, ct)).ToDictionary(p => p.Key, StringComparer.Ordinal);
        return Evaluate(review, vendor, questionnaire, stored, origins);
    }

    /// <summary>Saves one item from posted fields; <paramref name="expectedVersion"/> is the version the user edited.</summary>
    public async Task<(ItemSaveOutcome Outcome, ReviewState State)> SaveAsync(
        ReviewState state, AnswerableItem item, Func<string, StringValues> form, int expectedVersion, Guid userId,
        CancellationToken ct)
    {
        if (state.IsLocked)
        {
            return (new ItemSaveOutcome.Locked(), state);
        }
        var (outcome, after) = await ItemSave.SaveAsync(state, item, form, expectedVersion,
            json => answers.SaveAsync(state.Review.Id, item.Key, json, expectedVersion, userId, clock.GetUtcNow(),
                // Written in the answer's own transaction: one commit, and no saved answer without its event.
                (before, saved) => audit.Describe(new AuditRecord(
                    AuditActions.AnswerSaved, AuditResources.Answer, $"{state.Review.Id}/{item.Key}",
                    AuditSummary.Answer(before), AuditSummary.Answer(saved.Version, saved.Answer?.ValueJson))),
                ct),
            users, ct);
        if (after is null)
        {
            return (outcome, state);
        }
        audit.Written(AuditActions.AnswerSaved);
        var next = Evaluate(state.Review, state.Vendor, state.Questionnaire, after.Stored, after.Sheet, state.Origins);
        await SyncFindingsAsync(next, ct);
        return (outcome, next);
    }

    /// <summary>
    /// A reviewer accepts the vendor's prefilled answer to <paramref name="key"/> as it stands: the acceptance and its
    /// event commit together, as accepting a whole step's does, and a decided review refuses it.
    /// </summary>
    public Task<int> ConfirmAsync(ReviewState state, string key, Guid userId, CancellationToken ct) =>
        ConfirmKeysAsync(state, [key], $"key={key}", userId, ct);

    /// <summary>
    /// The step's visible answers that are the vendor's and that no reviewer has accepted yet, in the step's order.
    /// </summary>
    public static IReadOnlyList<string> AwaitingAcceptance(ReviewState state, Step step) =>
        [.. StepView.AnswerableItemsOf(step.Items)
            .Where(i => state.Evaluation.IsVisible(i.Id)
                && state.Provenance.GetValueOrDefault(i.Key)?.Status == ProvenanceStatus.Prefilled)
            .Select(i => i.Key)];

    /// <summary>
    /// A reviewer accepts every vendor answer on <paramref name="step"/> that awaits acceptance: one command, one
    /// transaction, one event saying how many. Returns how many were accepted.
    /// </summary>
    public async Task<int> ConfirmStepAsync(ReviewState state, Step step, Guid userId, CancellationToken ct)
    {
        var keys = AwaitingAcceptance(state, step);
        if (keys.Count == 0)
        {
            return 0;
        }
        return await ConfirmKeysAsync(state, keys, $"step={step.Id}", userId, ct);
    }

    private async Task<int> ConfirmKeysAsync(ReviewState state, IReadOnlyList<string> keys, string what, Guid userId, CancellationToken ct)
    {
        var accepted = await provenance.ConfirmAllAsync(state.Review.Id, keys, userId, clock.GetUtcNow(),
            count => audit.Describe(new AuditRecord(AuditActions.AnswersAccepted, AuditResources.Review, state.Review.Id.ToString(),
                After: string.Create(CultureInfo.InvariantCulture, $"{what} accepted={count}"))),
            ct);
        if (accepted > 0)
        {
            audit.Written(AuditActions.AnswersAccepted);
        }
        return accepted;
    }

    /// <summary>Automatic findings become exactly what the questionnaire's flags and rules raise for these answers.</summary>
    public async Task SyncFindingsAsync(ReviewState state, CancellationToken ct)
    {
        var raised = state.Evaluation.Findings
            .Select(f => new RaisedFindingRow(
                f.SourceId,
                f.SourceId.StartsWith("rule:", StringComparison.Ordinal) ? FindingSource.Rule : FindingSource.Flag,
                f.Severity.ToString().ToLowerInvariant(),
                f.Text))
            .ToList();
        await findings.SyncRaisedAsync(state.Review.Id, raised, clock.GetUtcNow(), ct);
    }

    private ReviewState Evaluate(
        Review review, Core.Vendors.Vendor vendor, LoadedQuestionnaire questionnaire, IReadOnlyDictionary<string, StoredAnswer> stored,
        IReadOnlyDictionary<string, AnswerProvenance> origins)
    {
        var sheet = questionnaire.SheetOf(stored.Values, vendor.Name, vendor.Product);
        return Evaluate(review, vendor, questionnaire, stored, sheet, origins);
    }

    private ReviewState Evaluate(
        Review review, Core.Vendors.Vendor vendor, LoadedQuestionnaire questionnaire, IReadOnlyDictionary<string, StoredAnswer> stored,
        AnswerSheet sheet, IReadOnlyDictionary<string, AnswerProvenance> origins)
    {
        var definition = questionnaire.Definition;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var views = new Dictionary<string, ProvenanceView>(StringComparer.Ordinal);
        foreach (var (key, origin) in origins)
        {
            if (definition.FindItemByKey(key) is { } item)
            {
                views[key] = ProvenanceView.Create(item, origin, stored.GetValueOrDefault(key), today, options.Value.StaleAfterMonths);
            }
        }
        return new ReviewState(
            review, vendor, questionnaire, stored, sheet, questionnaire.Evaluator.Evaluate(sheet, today), today, views, origins);
    }
}
