using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Account;

/// <summary>
/// Someone with a reset link an administrator created (<c>/account/reset?token=…</c>) sets a new password; the link is
/// used up and every session of the account ends.
/// </summary>
[AllowAnonymous]
public sealed class ResetModel(UserAdministration administration, FailedAttemptLimit failures) : PageModel
{
    [BindProperty]
    public string? NewPassword { get; set; }

    /// <summary>Null while the link can be used; otherwise the sentence that says why it cannot.</summary>
    public string? Refusal { get; private set; }

    public string Email { get; private set; } = "";

    public bool Done { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? token, CancellationToken ct) => await DescribeAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        if (failures.IsExhausted(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var (refusal, errors) = await administration.ResetPasswordAsync(token, NewPassword, ct);
        if (refusal is null && errors.Count == 0)
        {
            Done = true;
            return Page();
        }
        // A link that does not work counts; a refused password on a working link does not.
        if (refusal is not null)
        {
            failures.Failed(HttpContext);
        }
        await DescribeAsync(token, ct);
        Errors = errors;
        return Page();
    }

    private async Task DescribeAsync(string? token, CancellationToken ct)
    {
        var (user, _, refusal) = await administration.LookupResetAsync(token, ct);
        Refusal = refusal;
        Email = user?.Email ?? "";
    }
}
