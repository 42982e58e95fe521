using Diligence.Core.Definitions;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

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
        var form = Request.Form;
        StringValues Field(string name) => form[name];
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var conflicts = new Dictionary<string, ItemSaveOutcome.Conflict>();
        var versions = new Dictionary<string, int>();
        foreach (var item in StepView.AnswerableItemsOf(step.Items).Where(i => i.Audience.HasFlag(Audience.Vendor)))
        {
            if (!state.Evaluation.IsVisible(item.Id) || !form.ContainsKey(FieldNames.Version(item.Id)))
            {
                continue;
            }
            var expected = int.TryParse(form[FieldNames.Version(item.Id)], out var version) ? version : 0;
            var (outcome, next) = await workspace.SaveAsync(state, item, Field, expected, User.UserId(), ct);
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
        if (errors.Count > 0 || conflicts.Count > 0)
        {
            var posted = new FieldValues(form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
            View = new StepView(state, step, readOnly: false, posted, errors, conflicts, versions, audience: Audience.Vendor);
            return Page();
        }
        var addTo = form.Keys.FirstOrDefault(k => k.StartsWith("add.", StringComparison.Ordinal))?["add.".Length..];
        var target = form["go"] == "next"
            ? StepView.VisibleSteps(state, Audience.Vendor).SkipWhile(s => s.Id != step.Id).Skip(1).FirstOrDefault()?.Id ?? step.Id
            : step.Id;
        return RedirectToPage(new { stepId = target, add = addTo });
    }

    private async Task<LibraryState?> LoadAsync(CancellationToken ct) =>
        User.VendorId() is { } vendorId ? await workspace.LoadAsync(vendorId, ct) : null;

    private static Step? FindStep(LibraryState state, string? stepId)
    {
        var steps = StepView.VisibleSteps(state, Audience.Vendor);
        return stepId is null ? steps.FirstOrDefault() : steps.FirstOrDefault(s => s.Id == stepId);
    }
}
