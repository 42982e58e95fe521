using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Pages.Vendors;

/// <summary>Staff read a vendor's answer library: when it was declared current, its answers step by step, and the files.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LibraryModel(LibraryWorkspace workspace, IOptions<LibraryOptions> options) : PageModel
{
    public LibraryState State { get; private set; } = null!;

    public IReadOnlyList<LibraryStepView> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid vendorId, CancellationToken ct)
    {
        if (await workspace.LoadAsync(vendorId, ct) is not { } state)
        {
            return NotFound();
        }
        State = state;
        Steps = LibraryReading.Of(state, options.Value.StaleAfterMonths);
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
