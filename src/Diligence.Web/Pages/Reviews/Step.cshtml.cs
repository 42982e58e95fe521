using Diligence.Core.Definitions;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Reviews;

/// <summary>One step of a review. Staff read it; reviewers edit it. Without JavaScript the whole step posts here.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StepModel(ReviewWorkspace workspace, VendorRequestService vendorRequests, IAuthorizationService authorization) : PageModel
{
    /// <summary>This step's questions the vendor answered in its library since the review asked it.</summary>
    public IReadOnlyList<AnswerableItem> AnsweredByVendor { get; private set; } = [];

    public StepView View { get; private set; } = null!;

    /// <summary>Keys of this step's vendor answers that no reviewer has accepted yet.</summary>
    public IReadOnlyList<string> AwaitingAcceptance { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public ReviewState State => (ReviewState)View.State;

    /// <summary>What the last Save saved, shown once.</summary>
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, string? stepId, string? add, int? entries, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null || FindStep(state, stepId) is not { } step)
        {
            return NotFound();
        }
        Saved = TempData[SavedKey] as string;
        View = new StepView(state, step, readOnly: state.IsLocked || !await CanEditAsync(), addEntryTo: add,
            entriesShown: entries, removed: RemovedEntry.FromJson(TempData[RemovedKey] as string));
        AnsweredByVendor = await vendorRequests.AnsweredSinceRequestAsync(state, step, ct);
        AwaitingAcceptance = ReviewWorkspace.AwaitingAcceptance(state, step);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid reviewId, string? stepId, CancellationToken ct)
    {
        var (state, step, refusal) = await LoadForChangeAsync(reviewId, stepId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var submission = await StepSubmission<ReviewState>.SaveAsync(state, StepView.AnswerableItemsOf(step.Items), Request.Form,
            (current, item, field, expected) => workspace.SaveAsync(current, item, field, expected, User.UserId(), ct));
        if (submission.HasProblems)
        {
            View = new StepView(submission.State, step, readOnly: false, submission.Posted, submission.Errors,
                submission.Conflicts, submission.Versions);
            return Page();
        }
        // Add, Remove and Undo come back to the list they changed: the fragment names the entry (or the Undo button)
        // they are about, which the browser scrolls to and focuses.
        if (submission.AddEntryTo is { } add)
        {
            var shown = int.TryParse(Request.Form[FieldNames.Part(add, "count")], out var count) ? Math.Clamp(count, 0, StepView.MaxEntriesShown - 1) + 1 : 2;
            return RedirectToPage(null, null, new { reviewId, stepId = step.Id, add, entries = shown }, FieldNames.EntryId(add, shown - 1));
        }
        if (RemovedEntry.FromRemove(Request.Form) is { } removed)
        {
            TempData[RemovedKey] = removed.ToJson();
            return RedirectToPage(null, null, new { reviewId, stepId = step.Id }, FieldNames.ElementId(FieldNames.Part(removed.ItemId, "undo")));
        }
        if (RemovedEntry.FromUndo(Request.Form) is { } undo
            && StepView.AnswerableItemsOf(step.Items).OfType<RepeatItem>().FirstOrDefault(r => r.Id == undo.ItemId) is { } repeat)
        {
            return await UndoAsync(submission.State, step, repeat, undo, ct);
        }
        var target = submission.GoNext ? NextStep(submission.State, step) ?? step : step;
        var answered = StepView.AnswerableItemsOf(step.Items)
            .Count(i => submission.State.Evaluation.IsVisible(i.Id) && submission.State.Evaluation.IsAnswered(i.Id));
        TempData[SavedKey] = $"Saved: {answered} {(answered == 1 ? "answer" : "answers")} on {(target == step ? "this step" : step.Title)}.";
        return RedirectToPage(new { reviewId, stepId = target.Id });
    }

    private const string SavedKey = "saved";

    private const string RemovedKey = "removed";

    /// <summary>Puts a removed entry back where it was in the list as it now stands.</summary>
    private async Task<IActionResult> UndoAsync(ReviewState state, Step step, RepeatItem repeat, RemovedEntry undo, CancellationToken ct)
    {
        var (outcome, after) = await workspace.SaveAsync(state, repeat, undo.Restore(repeat, state.Sheet[repeat.Key]),
            state.VersionOf(repeat.Key), User.UserId(), ct);
        switch (outcome)
        {
            case ItemSaveOutcome.Saved:
                return RedirectToPage(null, null, new { reviewId = state.Review.Id, stepId = step.Id }, FieldNames.EntryId(repeat.Id, undo.Index));
            case ItemSaveOutcome.Invalid invalid:
                View = new StepView(after, step, readOnly: false, errors: new Dictionary<string, IReadOnlyList<string>> { [repeat.Id] = invalid.Errors });
                return Page();
            case ItemSaveOutcome.Conflict conflict:
                View = new StepView(after, step, readOnly: false, conflicts: new Dictionary<string, ItemSaveOutcome.Conflict> { [repeat.Id] = conflict });
                return Page();
            default:
                return Forbid();
        }
    }

    /// <summary>The reviewer accepts a prefilled vendor answer as it stands.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(Guid reviewId, string? stepId, string? accept, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null || FindStep(state, stepId) is null || accept is null || !state.Origins.ContainsKey(accept))
        {
            return NotFound();
        }
        if (!await CanEditAsync() || state.IsLocked)
        {
            return Forbid();
        }
        await workspace.ConfirmAsync(state, accept, User.UserId(), ct);
        // Back at the question, focused on its provenance, which now says the reviewer confirmed it.
        var accepted = state.Questionnaire.Definition.Steps.SelectMany(s => StepView.AnswerableItemsOf(s.Items)).FirstOrDefault(i => i.Key == accept);
        return RedirectToPage(null, null, new { reviewId, stepId, handler = (string?)null },
            accepted is null ? null : FieldNames.ElementId(FieldNames.Part(accepted.Id, "provenance")));
    }

    /// <summary>The reviewer accepts every vendor answer on this step that awaits acceptance, in one go.</summary>
    public async Task<IActionResult> OnPostAcceptAllAsync(Guid reviewId, string? stepId, CancellationToken ct)
    {
        var (state, step, refusal) = await LoadForChangeAsync(reviewId, stepId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var accepted = await workspace.ConfirmStepAsync(state, step, User.UserId(), ct);
        Notice = accepted == 1 ? "Accepted 1 answer from the vendor." : $"Accepted {accepted} answers from the vendor.";
        return RedirectToPage(new { reviewId, stepId = step.Id, handler = (string?)null });
    }

    /// <summary>The review and step a change is for, or why there is none: not found, not a reviewer, or decided.</summary>
    private async Task<(ReviewState State, Step Step, IActionResult? Refusal)> LoadForChangeAsync(
        Guid reviewId, string? stepId, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null || FindStep(state, stepId) is not { } step)
        {
            return (null!, null!, NotFound());
        }
        if (!await CanEditAsync())
        {
            return (state, step, Forbid());
        }
        if (state.IsLocked)
        {
            View = new StepView(state, step, readOnly: true);
            ModelState.AddModelError("", "This review is decided and read-only.");
            return (state, step, Page());
        }
        return (state, step, null);
    }

    private static Step? FindStep(ReviewState state, string? stepId)
    {
        var steps = state.Questionnaire.Definition.Steps.Where(s => state.Evaluation.IsStepVisible(s.Id));
        return stepId is null ? steps.FirstOrDefault() : steps.FirstOrDefault(s => s.Id == stepId);
    }

    private static Step? NextStep(ReviewState state, Step step) =>
        state.Questionnaire.Definition.Steps
            .SkipWhile(s => s.Id != step.Id).Skip(1)
            .FirstOrDefault(s => state.Evaluation.IsStepVisible(s.Id));

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Reviewer)).Succeeded;
}
