using Diligence.Core.Definitions;
using Diligence.Core.Vendors;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Pages.Portal;

/// <summary>
/// What one review waiting for the vendor asks of it, with the due date and who asks. Another vendor's request, or one
/// whose review no longer waits, is a 404.
/// </summary>
[Authorize(Policy = Policies.Vendor)]
public sealed class RequestModel(VendorRequestService requests, LibraryWorkspace workspace, IOptions<OrganizationOptions> organization) : PageModel
{
    public VendorRequest Asked { get; private set; } = null!;

    public string AskedBy { get; private set; } = "";

    /// <summary>The organization, at the start of a sentence.</summary>
    public string Asker => organization.Value.DisplayName is var name && name == OrganizationOptions.Unnamed ? "Your customer" : name;

    public LibraryState State { get; private set; } = null!;

    public IReadOnlyList<AnswerableItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        if (User.VendorId() is not { } vendorId || await requests.FindOpenAsync(reviewId, vendorId, ct) is not var (request, askedBy)
            || await workspace.LoadAsync(vendorId, ct) is not { } state)
        {
            return NotFound();
        }
        Asked = request;
        AskedBy = askedBy;
        State = state;
        Items = [.. request.Keys.Select(state.Questionnaire.Definition.FindItemByKey).OfType<AnswerableItem>()];
        return Page();
    }
}
