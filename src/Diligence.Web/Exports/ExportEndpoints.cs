using Diligence.Core.Audit;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Audit;

namespace Diligence.Web.Exports;

/// <summary>
/// GET /exports/{id}/pdf: a ready export's PDF as an attachment; GET /reviews/{id}/exports/status: the review's export
/// history as JSON, which the history panel polls. Both for staff only.
/// </summary>
public static class ExportEndpoints
{
    public static WebApplication MapExports(this WebApplication app)
    {
        app.MapGet("/exports/{exportId:guid}/pdf", async (Guid exportId, IExportStore exports, IAuditTrail audit, CancellationToken ct) =>
        {
            if (await exports.GetAsync(exportId, ct) is not { State: ExportState.Ready } export
                || await exports.ReadPdfAsync(exportId, ct) is not { } pdf)
            {
                return Results.NotFound();
            }
            await audit.RecordAsync(new AuditRecord(AuditActions.ExportDownloaded, AuditResources.Export, exportId.ToString(),
                After: $"review {export.ReviewId}, sha256 {export.Sha256}"), ct);
            return Results.File(pdf, "application/pdf", export.FileName);
        }).RequireAuthorization(Policies.Staff);

        app.MapGet("/reviews/{reviewId:guid}/exports/status", async (Guid reviewId, IReviewStore reviews, IExportStore exports, HttpContext http, CancellationToken ct) =>
        {
            if (await reviews.GetAsync(reviewId, ct) is null)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "no-store";
            var history = await exports.ListForReviewAsync(reviewId, ct);
            return Results.Ok(new { exports = history.Select(ExportStatus.Of) });
        }).RequireAuthorization(Policies.Staff);
        return app;
    }
}
