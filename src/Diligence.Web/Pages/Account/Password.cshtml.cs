using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Account;

/// <summary>A signed-in user changes their own password; every other session of theirs ends.</summary>
public sealed class PasswordModel(UserAdministration administration, FailedAttemptLimit failures) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Notice { get; private set; }

    public void OnGet() => Notice = TempData["notice"] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Guessing the current password from a borrowed session counts like a failed sign-in.
        if (failures.IsExhausted(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        Errors = await administration.ChangePasswordAsync(User.UserId(), User.SessionId()!.Value, CurrentPassword, NewPassword, ct);
        if (Errors.Count > 0)
        {
            if (Errors.ContainsKey(nameof(CurrentPassword)))
            {
                failures.Failed(HttpContext);
            }
            return Page();
        }
        TempData["notice"] = "Your password is changed, and your other sessions are signed out.";
        return RedirectToPage();
    }
}
