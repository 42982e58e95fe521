using Diligence.Core.Audit;
using Diligence.Web.Accounts;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Account;

/// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign a user out.</summary>
public sealed class SignOutModel(IAuditTrail audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await HttpContext.SignOutAsync();
            await audit.RecordAsync(new AuditRecord(AuditActions.SignOut, AuditResources.User, User.UserId().ToString()), ct);
        }
        return LocalRedirect("/account/sign-in");
    }
}
