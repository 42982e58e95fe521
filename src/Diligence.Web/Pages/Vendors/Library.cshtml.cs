using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Vendors;

/// <summary>Staff see a vendor's answer library: when it was declared current, and the files to download.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LibraryModel(LibraryWorkspace workspace) : PageModel
{
    public LibraryState State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid vendorId, CancellationToken ct)
    {
        if (await workspace.LoadAsync(vendorId, ct) is not { } state)
        {
            return NotFound();
        }
        State = state;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid vendorId, string? format, CancellationToken ct)
    {
        if (await workspace.LoadAsync(vendorId, ct) is not { } state)
        {
            return NotFound();
        }
        var file = LibraryFiles.Export(state, format);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
