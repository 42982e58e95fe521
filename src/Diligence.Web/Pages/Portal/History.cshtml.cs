using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Portal;

/// <summary>Every change to the signed-in vendor's library, newest first.</summary>
[Authorize(Policy = Policies.Vendor)]
public sealed class HistoryModel(LibraryWorkspace workspace, ILibraryStore library, AnswerHistoryQuery history) : PageModel
{
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.VendorId() is not { } vendorId || await workspace.LoadAsync(vendorId, ct) is not { } state)
        {
            return NotFound();
        }
        Entries = await history.DescribeAsync(state.Questionnaire.Definition, await library.HistoryAsync(vendorId, null, ct), ct);
        return Page();
    }
}
