using System.Globalization;
using Diligence.Core.Definitions;
using Diligence.Web.Accounts;
using Diligence.Web.Library;
using Diligence.Web.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Pages.Portal;

/// <summary>
/// The vendor's home: how far the library is answered, "Submit" (current as of a date), new questions since the last
/// submit, what reviews ask, and the library as a file to download or upload.
/// </summary>
[Authorize(Policy = Policies.Vendor)]
public sealed class IndexModel(
    LibraryWorkspace workspace, VendorRequestService requests, LibraryFiles files, IOptions<OrganizationOptions> organization) : PageModel
{
    public LibraryState State { get; private set; } = null!;

    public IReadOnlyList<StepLink> Steps { get; private set; } = [];

    public IReadOnlyList<AnswerableItem> NewQuestions { get; private set; } = [];

    public IReadOnlyList<OpenRequest> Requests { get; private set; } = [];

    public string Organization => organization.Value.DisplayName;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? AsOf { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) || asOf > State.Today)
        {
            Problems = ["Enter the day the answers are current as of, as YYYY-MM-DD, not in the future."];
            return Page();
        }
        await workspace.SubmitAsync(State, asOf, User.UserId(), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var file = LibraryFiles.Export(State, format);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var import = await files.ImportAsync(State, upload, User.UserId(), ct);
        if (!import.Succeeded)
        {
            Problems = import.Problems;
            return Page();
        }
        await LoadAsync(ct);
        Message = import.Changed == 1 ? "Imported: 1 answer changed." : $"Imported: {import.Changed} answers changed.";
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.VendorId() is not { } vendorId || await workspace.LoadAsync(vendorId, ct) is not { } state)
        {
            return false;
        }
        State = state;
        Steps = [.. StepView.VisibleSteps(state, Audience.Vendor).Select((s, index) =>
        {
            var progress = StepView.ProgressOf(state, s, Audience.Vendor);
            return new StepLink(s.Id, s.Title, index + 1, progress.Answered, progress.Required, false);
        })];
        NewQuestions = await workspace.NewQuestionsAsync(state, ct);
        Requests = await requests.OpenAsync(vendorId, ct);
        AsOf ??= state.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }
}
