using Diligence.Core.Reviews;
using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Reviews;

/// <summary>A review's overview. Staff read it; reviewers move it through its lifecycle, decide it and re-assess it.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(
    ReviewLifecycleService lifecycle, LibraryUpdates libraryUpdates, ReviewImport import, IAuthorizationService authorization) : PageModel
{
    public ReviewOverview Overview { get; private set; } = null!;

    /// <summary>On a re-assessment: the vendor's library answers newer than the ones carried forward.</summary>
    public IReadOnlyList<NewerLibraryAnswer> NewerInLibrary { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>Every problem of an answers file that was refused.</summary>
    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    [BindProperty]
    public ReviewStatus? To { get; set; }

    /// <summary>The review version the page showed: a move made from a stale page is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Decision? Decision { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        Notice = TempData["notice"] as string;
        return await ShowAsync(reviewId, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        switch (await lifecycle.MoveAsync(reviewId, new LifecycleMove(To, Version, Decision, Rationale), User.UserId(), ct))
        {
            case ChangeOutcome.Done:
                TempData["notice"] = To == ReviewStatus.Decided ? "Decision recorded." : $"Moved to {StatusLabels.For(To!.Value)}.";
                return Redirect($"/reviews/{reviewId}");
            case ChangeOutcome.Refused refused:
                Errors = refused.Errors;
                return await ShowAsync(reviewId, ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostReassessAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        switch (await lifecycle.ReassessAsync(reviewId, User.UserId(), ct))
        {
            case ChangeOutcome.Done started:
                TempData["notice"] = "Re-assessment started with the answers of the decided review.";
                return Redirect($"/reviews/{started.Id}");
            case ChangeOutcome.Refused refused:
                Errors = refused.Errors;
                return await ShowAsync(reviewId, ct);
            default:
                return NotFound();
        }
    }

    /// <summary>The reviewer takes the vendor's newer library answer to <paramref name="key"/> into the review.</summary>
    public async Task<IActionResult> OnPostTakeLibraryAsync(Guid reviewId, string? key, int answerVersion, CancellationToken ct)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        switch (await libraryUpdates.TakeAsync(reviewId, key, answerVersion, User.UserId(), ct))
        {
            case ChangeOutcome.Done:
                TempData["notice"] = "Took the vendor's answer from its library.";
                return Redirect($"/reviews/{reviewId}");
            case ChangeOutcome.Refused refused:
                Errors = refused.Errors;
                return await ShowAsync(reviewId, ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(Guid reviewId, IFormFile? upload, CancellationToken ct)
    {
        if (!await CanEditAsync())
        {
            return Forbid();
        }
        switch (await import.ImportAsync(reviewId, upload, User.UserId(), ct))
        {
            case null:
                return NotFound();
            case { Succeeded: true } imported:
                TempData["notice"] = imported.Changed == 1 ? "Imported: 1 answer changed." : $"Imported: {imported.Changed} answers changed.";
                return Redirect($"/reviews/{reviewId}");
            case var refused:
                ImportProblems = refused.Problems;
                return await ShowAsync(reviewId, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid reviewId, CancellationToken ct)
    {
        if (await lifecycle.LoadAsync(reviewId, ct) is not { } overview)
        {
            return NotFound();
        }
        Overview = overview;
        CanEdit = await CanEditAsync();
        NewerInLibrary = await libraryUpdates.ListAsync(overview.State, ct);
        return Page();
    }

    private async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Reviewer)).Succeeded;
}
