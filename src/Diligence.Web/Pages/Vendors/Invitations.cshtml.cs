using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Hosting;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Vendors;

/// <summary>A reviewer invites a vendor's contact to the portal, and sees and revokes the vendor's invitations.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class InvitationsModel(InvitationService invitations, IInvitationStore store, IVendorStore vendors, PublicLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public Vendor Vendor { get; private set; } = null!;

    public IReadOnlyList<VendorInvitation> Invitations { get; private set; } = [];

    /// <summary>The link of the invitation just created: shown once, never stored.</summary>
    public string? NewLink { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid vendorId, CancellationToken ct) =>
        await LoadAsync(vendorId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid vendorId, CancellationToken ct)
    {
        var (invitation, token, error) = await invitations.CreateAsync(vendorId, Email, User.UserId(), ct);
        if (invitation is null && error is null)
        {
            return NotFound();
        }
        Error = error;
        // The token travels in the query, not the path: request paths are written into every log scope.
        NewLink = token is null ? null : links.For($"/invitations?token={token}");
        await LoadAsync(vendorId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid vendorId, Guid invitationId, CancellationToken ct)
    {
        if (!await invitations.RevokeAsync(vendorId, invitationId, ct))
        {
            return NotFound();
        }
        return RedirectToPage(new { vendorId, handler = (string?)null });
    }

    private async Task<bool> LoadAsync(Guid vendorId, CancellationToken ct)
    {
        if (await vendors.GetAsync(vendorId, ct) is not { } vendor)
        {
            return false;
        }
        Vendor = vendor;
        Invitations = await store.ListAsync(vendorId, ct);
        return true;
    }
}
