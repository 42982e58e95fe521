using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages;

/// <summary>
/// The dashboard: every review with its progress and open findings, filtered by status. Every signed-in user lands
/// here after sign-in, so the page admits them all and sends vendor users on to their portal; only staff see it.
/// </summary>
[Authorize]
public sealed class IndexModel(DashboardQuery dashboard, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReviewStatus? Status { get; set; }

    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsIn(Role.Vendor))
        {
            return Redirect("/portal");
        }
        if (!(await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded)
        {
            return Forbid();
        }
        if (Status is { } status && !Enum.IsDefined(status))
        {
            Status = null;
        }
        Rows = await dashboard.ListAsync(Status, ct);
        return Page();
    }
}
