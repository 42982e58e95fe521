using Diligence.Web.Accounts;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Reviews;

[Authorize(Policy = Policies.Reviewer)]
public sealed class NewModel(NewReviewService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? VendorId { get; set; }

    [BindProperty]
    public string? Questionnaire { get; set; }

    public NewReviewChoices Choices { get; private set; } = new([], []);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct) => Choices = await service.ChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await service.CreateAsync(VendorId, Questionnaire, User.UserId(), ct))
        {
            case ChangeOutcome.Done created:
                return Redirect($"/reviews/{created.Id}/steps");
            case ChangeOutcome.Refused refused:
                Errors = refused.Errors;
                Choices = await service.ChoicesAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }
}
