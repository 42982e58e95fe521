using System.Globalization;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DashboardPage Reviews { get; private set; } = new([], 1, 1, 0);

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
        Reviews = await dashboard.ListAsync(Status, PageNumber, ct);
        return Page();
    }

    /// <summary>The dashboard's address for another page, keeping the status filter.</summary>
    public string Link(int pageNumber)
    {
        var query = new QueryBuilder();
        if (Status is { } status)
        {
            query.Add("status", status.ToString());
        }
        query.Add("p", pageNumber.ToString(CultureInfo.InvariantCulture));
        return "/" + query.ToQueryString();
    }
}
