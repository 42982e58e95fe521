using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IUserStore users, IVendorStore vendors, UserAdministration administration, PublicLinks links) : PageModel
{
    public static readonly IReadOnlyList<Role> StaffRoles = [Role.Reviewer, Role.Procurement, Role.Admin];

    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> VendorNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public string? Notice { get; private set; }

    /// <summary>Why a role change was refused, by the user it was for; shown beside that user's role field.</summary>
    public IReadOnlyDictionary<Guid, string> RoleErrors { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Why disabling was refused, by the user it was for; shown beside that user's button.</summary>
    public IReadOnlyDictionary<Guid, string> AccessErrors { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The reset link just created and whom it is for: shown once, never stored.</summary>
    public (string Link, UserAccount User)? NewResetLink { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public Role Role { get; set; } = Role.Reviewer;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!StaffRoles.Contains(Role))
        {
            return BadRequest();
        }
        var (user, errors) = await administration.CreateAsync(new NewUser(Email, DisplayName, Password, Role), ct);
        if (user is null)
        {
            Errors = errors;
            await LoadAsync(ct);
            return Page();
        }
        TempData["notice"] = $"Added {user.DisplayName} as {user.Role}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, Role role, CancellationToken ct)
    {
        var refusal = StaffRoles.Contains(role)
            ? await administration.ChangeRoleAsync(userId, role, User.UserId(), ct)
            : UserAdministration.RoleNotAllowed;
        if (refusal is not null)
        {
            RoleErrors = new Dictionary<Guid, string> { [userId] = refusal };
            await LoadAsync(ct);
            return Page();
        }
        TempData["notice"] = "Role changed.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken ct) => SetDisabledAsync(userId, true, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid userId, CancellationToken ct) => SetDisabledAsync(userId, false, ct);

    private async Task<IActionResult> SetDisabledAsync(Guid userId, bool disabled, CancellationToken ct)
    {
        if (await administration.SetDisabledAsync(userId, disabled, User.UserId(), ct) is { } refusal)
        {
            AccessErrors = new Dictionary<Guid, string> { [userId] = refusal };
            await LoadAsync(ct);
            return Page();
        }
        TempData["notice"] = disabled ? "User disabled and signed out everywhere." : "User enabled; they can sign in again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutAsync(Guid userId, CancellationToken ct)
    {
        if (await administration.EndSessionsAsync(userId, ct) is not { } ended)
        {
            return NotFound();
        }
        TempData["notice"] = ended == 1 ? "1 session signed out." : $"{ended} sessions signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid userId, CancellationToken ct)
    {
        if (await administration.CreatePasswordResetAsync(userId, User.UserId(), ct) is not { } token)
        {
            return NotFound();
        }
        await LoadAsync(ct);
        // The token travels in the query, not the path: request paths are written into every log scope.
        NewResetLink = (links.For($"/account/reset?token={token}"), Users.Single(u => u.Id == userId));
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Notice = TempData["notice"] as string;
        Users = await users.ListAsync(ct);
        VendorNames = (await vendors.ListAsync(ct)).ToDictionary(v => v.Id, v => v.Name);
    }
}
