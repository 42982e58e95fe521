using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInService signIn, SessionService sessions, FailedAttemptLimit failures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail address and password.";
            return Page();
        }
        if (failures.IsExhausted(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var result = await signIn.CheckAsync(Email, Password, FailedAttemptLimit.ClientOf(HttpContext.Connection.RemoteIpAddress), ct);
        if (result.Principal is null)
        {
            failures.Failed(HttpContext);
            Error = result.Error;
            return Page();
        }
        await sessions.StartAsync(HttpContext, result.Principal.UserId(), result.SignedIn, ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
