using Diligence.Core.Definitions;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Portal;

/// <summary>What one review awaiting the vendor asks of it, with the due date. Another vendor's request is a 404.</summary>
[Authorize(Policy = Policies.Vendor)]
public sealed class RequestModel(IVendorRequestStore requests, LibraryWorkspace workspace) : PageModel
{
    public VendorRequest Asked { get; private set; } = null!;

    public LibraryState State { get; private set; } = null!;

    public IReadOnlyList<AnswerableItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        if (await requests.GetAsync(reviewId, ct) is not { } request || request.VendorId != User.VendorId()
            || await workspace.LoadAsync(request.VendorId, ct) is not { } state)
        {
            return NotFound();
        }
        Asked = request;
        State = state;
        Items = [.. request.Keys.Select(state.Questionnaire.Definition.FindItemByKey).OfType<AnswerableItem>()];
        return Page();
    }
}
