using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Invitations;

/// <summary>
/// A vendor contact opens an invitation link (<c>/invitations?token=…</c>), sets a name and password, and is signed in
/// to the portal.
/// </summary>
[AllowAnonymous]
public sealed class AcceptModel(InvitationService invitations, IVendorStore vendors, SessionService sessions, FailedAttemptLimit failures) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Null while the link can be used; otherwise the sentence that says why it cannot.</summary>
    public string? Refusal { get; private set; }

    public string Email { get; private set; } = "";

    public string VendorName { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await DescribeAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (failures.IsExhausted(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var outcome = await invitations.AcceptAsync(token, DisplayName, Password, ct);
        if (outcome.User is { } user)
        {
            await sessions.StartAsync(HttpContext, user.Id, signedIn: null, ct);
            return LocalRedirect("/portal");
        }
        // A link that does not work counts; field errors on a working link do not.
        if (outcome.Errors.Count == 0)
        {
            failures.Failed(HttpContext);
        }
        await DescribeAsync(token, ct);
        Errors = outcome.Errors;
        return Page();
    }

    public static string RefusalFor(InvitationState? state) => state switch
    {
        InvitationState.Used => "This invitation link has already been used. Sign in with the account it created, or ask your contact for a new link.",
        InvitationState.Expired => "This invitation link has expired. Ask your contact at the reviewing team for a new one.",
        InvitationState.Revoked => "This invitation link was withdrawn. Ask your contact at the reviewing team for a new one.",
        _ => "This invitation link is not valid. Check that you copied all of it, or ask for a new one.",
    };

    private async Task DescribeAsync(string token, CancellationToken ct)
    {
        var found = await invitations.LookupAsync(token, ct);
        if (found is not var (invitation, state) || state != InvitationState.Open)
        {
            Refusal = RefusalFor(found?.State);
            return;
        }
        Email = invitation.Email;
        VendorName = (await vendors.GetAsync(invitation.VendorId, ct))?.Name ?? "";
    }
}
