using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Vendors;

[Authorize(Policy = Policies.Reviewer)]
public sealed class NewModel(VendorDirectory directory) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Product { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Contacts { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await directory.CreateAsync(new NewVendor(Name, Product, Website, Contacts), ct))
        {
            case ChangeOutcome.Done created:
                return Redirect($"/vendors/{created.Id}");
            case ChangeOutcome.Refused refused:
                Errors = refused.Errors;
                return Page();
            default:
                return NotFound();
        }
    }
}
