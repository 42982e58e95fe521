using System.Globalization;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Audit;
using Diligence.Web.Library;

namespace Diligence.Web.Reviews;

/// <summary>
/// A review's overview and its lifecycle: moves between statuses (a decision when deciding), and re-assessment of a
/// decided review into a new draft that carries its answers forward.
/// </summary>
public sealed class ReviewLifecycleService(
    ReviewWorkspace workspace,
    IReviewStore reviews,
    IFindingStore findings,
    IUserStore users,
    IQuestionnaireStore questionnaires,
    VendorRequestService vendorRequests,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int RationaleMaxLength = 4000;

    public const string StatusMissing = "Choose the status to move the review to.";
    public const string StaleReview =
        "Someone else changed this review while you were looking at it, so nothing was changed. Check its status below and try again.";
    public const string Locked = "This review is decided and read-only.";
    public const string DecisionMissing = "Choose a decision: approve, approve with conditions or reject.";
    public const string RationaleMissing = "Enter the rationale for the decision.";
    public const string RationaleTooLong = "Use at most 4000 characters for the rationale.";
    public const string NotDecided = "Only a decided review can be re-assessed.";

    public async Task<ReviewOverview?> LoadAsync(Guid reviewId, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null)
        {
            return null;
        }
        var review = state.Review;
        var definition = state.Questionnaire.Definition;
        var evaluation = state.Evaluation;
        var steps = definition.Steps
            .Where(s => evaluation.IsStepVisible(s.Id))
            .Select((s, index) =>
            {
                var progress = evaluation.ForStep(s.Id);
                return new StepLink(s.Id, s.Title, index + 1, progress.Answered, progress.Required, Current: false);
            })
            .ToList();
        var missing = new List<MissingAnswer>();
        foreach (var key in evaluation.MissingRequired)
        {
            if (definition.FindItemByKey(key) is { } item && definition.FindStepOf(item.Id) is { } step)
            {
                missing.Add(new MissingAnswer(item.Prompt, step.Id, step.Title));
            }
        }
        var owner = await users.GetAsync(review.OwnerId, ct);
        var raised = await findings.ListAsync(reviewId, ct);
        var reassessedIn = await FindReassessmentAsync(reviewId, ct);
        return new ReviewOverview(
            state,
            owner?.DisplayName ?? "(unknown)",
            steps,
            OpenFindings.BySeverity(raised),
            [.. OpenFindings.MostSevereFirst(raised).Select(f => FindingView.Of(f, reviewId, definition))],
            missing,
            ReviewLifecycle.NextFrom(review.Status),
            reassessedIn);
    }

    public async Task<ChangeOutcome> MoveAsync(Guid reviewId, LifecycleMove move, Guid userId, CancellationToken ct)
    {
        var review = await reviews.GetAsync(reviewId, ct);
        if (review is null)
        {
            return new ChangeOutcome.NotFound();
        }
        if (move.To is not { } to || !Enum.IsDefined(to))
        {
            return Refused(ChangeOutcome.FormError, StatusMissing);
        }
        // Checked before anything else: a stale page must not have its choice judged against a status it never saw.
        if (review.Version != move.Version)
        {
            return Refused(ChangeOutcome.FormError, StaleReview);
        }
        if (ReviewLifecycle.IsLocked(review.Status))
        {
            return Refused(ChangeOutcome.FormError, Locked);
        }
        if (!ReviewLifecycle.CanMove(review.Status, to))
        {
            return Refused(ChangeOutcome.FormError, CannotMove(review.Status, to));
        }
        var updated = review with { Status = to, UpdatedAt = clock.GetUtcNow() };
        if (to == ReviewStatus.Decided)
        {
            var errors = new Dictionary<string, string>();
            if (move.Decision is not { } decision || !Enum.IsDefined(decision))
            {
                errors[nameof(LifecycleMove.Decision)] = DecisionMissing;
            }
            var rationale = move.Rationale?.Trim() ?? "";
            if (rationale.Length == 0)
            {
                errors[nameof(LifecycleMove.Rationale)] = RationaleMissing;
            }
            else if (rationale.Length > RationaleMaxLength)
            {
                errors[nameof(LifecycleMove.Rationale)] = RationaleTooLong;
            }
            if (errors.Count > 0)
            {
                return new ChangeOutcome.Refused(errors);
            }
            updated = updated with { Decision = move.Decision, DecisionRationale = rationale, DecidedBy = userId, DecidedAt = updated.UpdatedAt };
        }
        var asking = to == ReviewStatus.AwaitingVendor && await workspace.LoadAsync(reviewId, ct) is { } state
            ? vendorRequests.Compose(state)
            : null;
        // A decision is one event, not a status change plus a decision; asking the vendor is part of the move.
        var record = to == ReviewStatus.Decided
            ? new AuditRecord(AuditActions.ReviewDecided, AuditResources.Review, reviewId.ToString(),
                $"status={review.Status}", $"status={to} decision={updated.Decision}")
            : new AuditRecord(AuditActions.ReviewStatusChanged, AuditResources.Review, reviewId.ToString(),
                $"status={review.Status}",
                asking is null ? $"status={to}" : string.Create(CultureInfo.InvariantCulture, $"status={to} asked={asking.Keys.Count} due={asking.DueOn:yyyy-MM-dd}"));
        try
        {
            // The event commits with the move: a decision is never stored without its record.
            await reviews.UpdateAsync(updated, move.Version, audit.Describe(record), ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone moved it between our read and the store's write.
            return Refused(ChangeOutcome.FormError, StaleReview);
        }
        audit.Written(record.Action);
        if (asking is not null)
        {
            await vendorRequests.AskAsync(asking, ct);
        }
        return new ChangeOutcome.Done(reviewId);
    }

    /// <summary>
    /// Starts the re-assessment of a decided review on the newest published version of its questionnaire, with its
    /// answers, their provenance and its findings (statuses and manual ones) carried forward in one transaction, then the
    /// automatic findings brought in line with the new version; a review already re-assessed returns that one.
    /// </summary>
    public async Task<ChangeOutcome> ReassessAsync(Guid reviewId, Guid userId, CancellationToken ct)
    {
        var review = await reviews.GetAsync(reviewId, ct);
        if (review is null)
        {
            return new ChangeOutcome.NotFound();
        }
        if (!ReviewLifecycle.IsLocked(review.Status))
        {
            return Refused(ChangeOutcome.FormError, NotDecided);
        }
        if (await FindReassessmentAsync(reviewId, ct) is { } existing)
        {
            return new ChangeOutcome.Done(existing);
        }
        var published = await questionnaires.ListAsync(ct);
        var newest = NewReviewService.NewestFirst(published.Where(q => q.Id == review.QuestionnaireId)).FirstOrDefault();
        if (newest is null)
        {
            return Refused(ChangeOutcome.FormError, $"No version of questionnaire {review.QuestionnaireId} is published any more.");
        }
        var now = clock.GetUtcNow();
        var next = new Review(
            Guid.NewGuid(), review.VendorId, newest.Id, newest.Version, newest.ContentHash, ReviewStatus.Draft, userId,
            Decision: null, DecisionRationale: null, PreviousReviewId: review.Id, now, now, Version: 1);
        await reviews.CreateReassessmentAsync(next, userId, now,
            carried => audit.Describe(new AuditRecord(AuditActions.ReviewReassessed, AuditResources.Review, next.Id.ToString(),
                $"review={review.Id}",
                string.Create(CultureInfo.InvariantCulture,
                    $"questionnaire={newest.Id}@{newest.Version} answers={carried.Answers} provenance={carried.Provenance} findings={carried.Findings}"))),
            ct);
        audit.Written(AuditActions.ReviewReassessed);
        if (await workspace.LoadAsync(next.Id, ct) is { } state)
        {
            await workspace.SyncFindingsAsync(state, ct);
        }
        return new ChangeOutcome.Done(next.Id);
    }

    public static string CannotMove(ReviewStatus from, ReviewStatus to) =>
        $"A review that is {StatusLabels.For(from).ToLowerInvariant()} cannot move to {StatusLabels.For(to).ToLowerInvariant()}.";

    private async Task<Guid?> FindReassessmentAsync(Guid reviewId, CancellationToken ct) =>
        (await reviews.FindReassessmentAsync(reviewId, ct))?.Id;

    private static ChangeOutcome.Refused Refused(string field, string message) =>
        new(new Dictionary<string, string> { [field] = message });
}
