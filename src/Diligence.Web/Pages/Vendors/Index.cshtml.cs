using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Vendors;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(VendorDirectory directory) : PageModel
{
    public IReadOnlyList<VendorListing> Vendors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Vendors = await directory.ListAsync(ct);
}
