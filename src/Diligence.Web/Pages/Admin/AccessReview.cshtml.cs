using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class AccessReviewModel(AccessReviewQuery query) : PageModel
{
    public IReadOnlyList<AccessReviewRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await query.ListAsync(ct);
}
