using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Reports;
using Diligence.Web.Accounts;
using Diligence.Web.Exports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Pages.Reviews;

/// <summary>A review's PDF exports: request one (A4 or Letter), follow it to ready or failed, download it, retry a failure.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExportsModel(
    IReviewStore reviews, IVendorStore vendors, IExportStore exports, ExportRequests requests, IOptions<ReportsOptions> reports)
    : PageModel
{
    public const string PaperChoiceError = "Choose A4 or Letter.";
    public const string NothingToRetry = "That export has not failed, so there is nothing to retry.";

    public Review Review { get; private set; } = null!;

    public Vendor Vendor { get; private set; } = null!;

    public IReadOnlyList<ExportStatus> History { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The export the notice announces; exports.js removes the notice once that export has finished.</summary>
    public Guid? NoticeExportId { get; private set; }

    public string? Error { get; private set; }

    public string DefaultPaper => ExportPapers.NameOf(reports.Value.Paper);

    [BindProperty]
    public string? Paper { get; set; }

    [BindProperty]
    public Guid ExportId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        Notice = TempData["notice"] as string;
        NoticeExportId = TempData["notice-export"] as Guid?;
        Error = TempData["error"] as string;
        var page = await ShowAsync(reviewId, ct);
        // "Queued" is only true while the export waits or renders; by the time the page loads it may be ready or failed.
        if (NoticeExportId is { } id && History.FirstOrDefault(e => e.Id == id) is not { State: "queued" or "rendering" })
        {
            Notice = null;
            NoticeExportId = null;
        }
        return page;
    }

    public async Task<IActionResult> OnPostAsync(Guid reviewId, CancellationToken ct)
    {
        if (ExportPapers.Parse(string.IsNullOrEmpty(Paper) ? DefaultPaper : Paper) is not { } paper)
        {
            Error = PaperChoiceError;
            return await ShowAsync(reviewId, ct);
        }
        if (await requests.RequestAsync(reviewId, User.UserId(), paper, ct) is not { } export)
        {
            return NotFound();
        }
        TempData["notice"] = "PDF export queued. It appears below when it is ready.";
        TempData["notice-export"] = export.Id;
        return Redirect($"/reviews/{reviewId}/exports");
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid reviewId, CancellationToken ct)
    {
        if (await requests.RetryAsync(reviewId, ExportId, ct))
        {
            TempData["notice"] = "Export queued again.";
            TempData["notice-export"] = ExportId;
        }
        else
        {
            TempData["error"] = NothingToRetry;
        }
        return Redirect($"/reviews/{reviewId}/exports");
    }

    private async Task<IActionResult> ShowAsync(Guid reviewId, CancellationToken ct)
    {
        if (await reviews.GetAsync(reviewId, ct) is not { } review || await vendors.GetAsync(review.VendorId, ct) is not { } vendor)
        {
            return NotFound();
        }
        Review = review;
        Vendor = vendor;
        History = [.. (await exports.ListForReviewAsync(reviewId, ct)).Select(ExportStatus.Of)];
        return Page();
    }
}
