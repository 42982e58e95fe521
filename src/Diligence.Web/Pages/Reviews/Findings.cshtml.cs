using Diligence.Core.Reviews;
using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Reviews;

/// <summary>A review's findings. Staff read them; reviewers add their own and change status and owner.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class FindingsModel(FindingsService service, IAuthorizationService authorization) : PageModel
{
    public FindingsBoard Board { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The finding whose change form the errors belong to; null when they belong to the add form.</summary>
    public Guid? EditedFindingId { get; private set; }

    [BindProperty]
    public string? Severity { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public Guid FindingId { get; set; }

    [BindProperty]
    public FindingStatus? Status { get; set; }

    /// <summary>The finding version the page showed: a change made from a stale page is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The finding whose change was just saved: its row says so.</summary>
    public Guid? ChangedFindingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        Notice = TempData["notice"] as string;
        ChangedFindingId = TempData["changed"] is Guid changed ? changed : null;
        return await ShowAsync(reviewId, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        return await service.AddAsync(reviewId, new NewFinding(Severity, Description, Owner), User.UserId(), ct) switch
        {
            ChangeOutcome.Done => Saved(reviewId, "Finding added."),
            ChangeOutcome.Refused refused => await RefusedAsync(reviewId, refused, null, ct),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        return await service.ChangeAsync(reviewId, new FindingChange(FindingId, Status, Owner, Version), ct) switch
        {
            ChangeOutcome.Done => Changed(reviewId, FindingId),
            ChangeOutcome.Refused refused => await RefusedAsync(reviewId, refused, FindingId, ct),
            _ => NotFound(),
        };
    }

    private RedirectResult Saved(Guid reviewId, string notice)
    {
        TempData["notice"] = notice;
        return Redirect($"/reviews/{reviewId}/findings");
    }

    /// <summary>Back at the finding's row (not the top of the page), focused on its status, and the row confirms the change.</summary>
    private RedirectResult Changed(Guid reviewId, Guid findingId)
    {
        TempData["changed"] = findingId;
        return Redirect($"/reviews/{reviewId}/findings#status-{findingId}");
    }

    private async Task<IActionResult> RefusedAsync(Guid reviewId, ChangeOutcome.Refused refused, Guid? findingId, CancellationToken ct)
    {
        Errors = refused.Errors;
        EditedFindingId = findingId;
        return await ShowAsync(reviewId, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid reviewId, CancellationToken ct)
    {
        if (await service.LoadAsync(reviewId, ct) is not { } board)
        {
            return NotFound();
        }
        Board = board;
        CanEdit = !board.State.IsLocked && await CanEditAsync();
        return Page();
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Reviewer)).Succeeded;
}
