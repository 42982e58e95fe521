using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Vendors;

[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(VendorDirectory directory) : PageModel
{
    public VendorDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid vendorId, CancellationToken ct)
    {
        if (await directory.GetAsync(vendorId, ct) is not { } detail)
        {
            return NotFound();
        }
        Detail = detail;
        return Page();
    }
}
