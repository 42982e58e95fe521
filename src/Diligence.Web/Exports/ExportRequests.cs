using Diligence.Core.Audit;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Web.Audit;

namespace Diligence.Web.Exports;

/// <summary>Requests a review's PDF (a durable queued row, audited, then a job) and retries a failed one.</summary>
public sealed class ExportRequests(
    IReviewStore reviews, IVendorStore vendors, IExportStore exports, ExportQueue queue, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The queued export; null when the review does not exist.</summary>
    public async Task<Export?> RequestAsync(Guid reviewId, Guid userId, string paper, CancellationToken ct)
    {
        if (await reviews.GetAsync(reviewId, ct) is not { } review || await vendors.GetAsync(review.VendorId, ct) is not { } vendor)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var export = new Export
        {
            Id = Guid.NewGuid(),
            ReviewId = reviewId,
            RequestedBy = userId,
            RequestedAt = now,
            Paper = paper,
            FileName = ExportFileName.For(vendor.Name, vendor.Product, DateOnly.FromDateTime(now.UtcDateTime), paper),
        };
        var record = new AuditRecord(AuditActions.ExportRequested, AuditResources.Export, export.Id.ToString(), After: $"review {reviewId}, {paper}");
        await exports.CreateAsync(export, audit.Describe(record), ct);
        audit.Written(record.Action);
        queue.Enqueue(export.Id);
        return export;
    }

    /// <summary>Queues a failed export of this review again; false when there is no such failed export.</summary>
    public async Task<bool> RetryAsync(Guid reviewId, Guid exportId, CancellationToken ct)
    {
        var record = new AuditRecord(AuditActions.ExportRequested, AuditResources.Export, exportId.ToString(),
            Before: "failed", After: $"retry of review {reviewId}");
        if (await exports.GetAsync(exportId, ct) is not { } export || export.ReviewId != reviewId
            || !await exports.RetryAsync(exportId, audit.Describe(record), ct))
        {
            return false;
        }
        audit.Written(record.Action);
        queue.Enqueue(exportId);
        return true;
    }
}
