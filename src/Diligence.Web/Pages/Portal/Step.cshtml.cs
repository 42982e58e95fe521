using Diligence.Core.Definitions;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Portal;

/// <summary>One step of the signed-in vendor's answer library: the items for vendors, by the reviewers' step renderer.</summary>
[Authorize(Policy = Policies.Vendor)]
public sealed class StepModel(LibraryWorkspace workspace) : PageModel
{
    public StepView View { get; private set; } = null!;

    public LibraryState State => (LibraryState)View.State;

    public async Task<IActionResult> OnGetAsync(string? stepId, string? add, CancellationToken ct)
    {
        var state = await LoadAsync(ct);
        if (state is null || FindStep(state, stepId) is not { } step)
        {
            return NotFound();
        }
        View = new StepView(state, step, readOnly: false, addEntryTo: add, audience: Audience.Vendor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? stepId, CancellationToken ct)
    {
        var state = await LoadAsync(ct);
        if (state is null || FindStep(state, stepId) is not { } step)
        {
            return NotFound();
        }
        var vendorItems = StepView.AnswerableItemsOf(step.Items).Where(i => i.Audience.HasFlag(Audience.Vendor));
        var submission = await StepSubmission<LibraryState>.SaveAsync(state, vendorItems, Request.Form,
            (current, item, field, expected) => workspace.SaveAsync(current, item, field, expected, User.UserId(), ct));
        if (submission.HasProblems)
        {
            View = new StepView(submission.State, step, readOnly: false, submission.Posted, submission.Errors,
                submission.Conflicts, submission.Versions, audience: Audience.Vendor);
            return Page();
        }
        var target = submission.GoNext
            ? StepView.VisibleSteps(submission.State, Audience.Vendor).SkipWhile(s => s.Id != step.Id).Skip(1).FirstOrDefault()?.Id ?? step.Id
            : step.Id;
        return RedirectToPage(new { stepId = target, add = submission.AddEntryTo });
    }

    private async Task<LibraryState?> LoadAsync(CancellationToken ct) =>
        User.VendorId() is { } vendorId ? await workspace.LoadAsync(vendorId, ct) : null;

    private static Step? FindStep(LibraryState state, string? stepId)
    {
        var steps = StepView.VisibleSteps(state, Audience.Vendor);
        return stepId is null ? steps.FirstOrDefault() : steps.FirstOrDefault(s => s.Id == stepId);
    }
}
