using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Setup;

[AllowAnonymous]
public sealed class IndexModel(FirstRunSetup setup, UserAdministration administration, SessionService sessions, FailedAttemptLimit failures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool TokenValid { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet() => TokenValid = setup.Matches(Token);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (failures.IsExhausted(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        TokenValid = setup.Matches(Token);
        if (!TokenValid)
        {
            failures.Failed(HttpContext);
            return Page();
        }
        var (admin, errors) = await administration.CreateAsync(
            new NewUser(Email, DisplayName, Password, Role.Admin), ct);
        if (admin is null)
        {
            Errors = errors;
            return Page();
        }
        setup.Close();
        await sessions.StartAsync(HttpContext, admin.Id, signedIn: null, ct);
        return LocalRedirect("/");
    }
}
