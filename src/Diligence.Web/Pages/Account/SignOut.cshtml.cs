using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST with an antiforgery token, so another site cannot sign a user out; it ends the session on the
/// server, so a copy of the cookie is worth nothing afterwards.
/// </summary>
public sealed class SignOutModel(SessionService sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await sessions.SignOutAsync(HttpContext, ct);
        }
        return LocalRedirect("/account/sign-in");
    }
}
