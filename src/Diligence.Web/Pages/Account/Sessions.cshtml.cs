using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Account;

/// <summary>Every signed-in user sees where they are signed in and can end the sessions other than this one.</summary>
public sealed class SessionsModel(SessionService sessions) : PageModel
{
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public Guid? Current => User.SessionId();

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notice = TempData["notice"] as string;
        Sessions = await sessions.ListActiveAsync(User.UserId(), ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid sessionId, CancellationToken ct)
    {
        // Only the user's own sessions: another user's id ends nothing and is answered as not found.
        if (!await sessions.EndAsync(User.UserId(), sessionId, ct))
        {
            return NotFound();
        }
        TempData["notice"] = "That session is signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        var ended = await sessions.EndOthersAsync(User.UserId(), User.SessionId()!.Value, ct);
        TempData["notice"] = ended == 1 ? "1 other session is signed out." : $"{ended} other sessions are signed out.";
        return RedirectToPage();
    }
}
