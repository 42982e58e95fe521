using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Reviews;

/// <summary>A review's answer changes, newest first, optionally of one question (<c>?key=</c>).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HistoryModel(AnswerHistoryQuery query) : PageModel
{
    public AnswerHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid reviewId, string? key, CancellationToken ct)
    {
        if (await query.LoadAsync(reviewId, key, ct) is not { } history)
        {
            return NotFound();
        }
        History = history;
        return Page();
    }
}
