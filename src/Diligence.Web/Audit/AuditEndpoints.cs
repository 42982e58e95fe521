using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Hosting;

namespace Diligence.Web.Audit;

/// <summary>Admin downloads: the audit log as CSV and JSON Lines, and the access review as CSV. Each is itself audited.</summary>
public static class AuditEndpoints
{
    public static WebApplication MapAuditExports(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/audit/export.csv", async ([AsParameters] AuditQuery query, HttpContext http, IAuditStore store, IAuditTrail audit, CancellationToken ct) =>
        {
            if (query.ToFilter() is not { } filter)
            {
                return BadTime();
            }
            await RecordAsync(audit, AuditResources.AuditLog, "csv", query, ct);
            Download(http, "text/csv; charset=utf-8", "audit.csv");
            using var activity = DiligenceTelemetry.Source.StartActivity("audit.export.csv");
            await using var writer = new StreamWriter(http.Response.Body, AuditExport.Utf8);
            await AuditExport.WriteCsvAsync(store.StreamAsync(filter, ct), writer, ct);
            return Results.Empty;
        });
        admin.MapGet("/audit/export.jsonl", async ([AsParameters] AuditQuery query, HttpContext http, IAuditStore store, IAuditTrail audit, CancellationToken ct) =>
        {
            if (query.ToFilter() is not { } filter)
            {
                return BadTime();
            }
            await RecordAsync(audit, AuditResources.AuditLog, "jsonl", query, ct);
            Download(http, "application/x-ndjson", "audit.jsonl");
            using var activity = DiligenceTelemetry.Source.StartActivity("audit.export.jsonl");
            await AuditExport.WriteJsonLinesAsync(store.StreamAsync(filter, ct), http.Response.Body, ct);
            return Results.Empty;
        });
        admin.MapGet("/access-review.csv", async (HttpContext http, AccessReviewQuery accessReview, IAuditTrail audit, CancellationToken ct) =>
        {
            var rows = await accessReview.ListAsync(ct);
            await audit.RecordAsync(new AuditRecord(AuditActions.ExportDownloaded, AuditResources.AccessReview, "csv"), ct);
            Download(http, "text/csv; charset=utf-8", "access-review.csv");
            await using var writer = new StreamWriter(http.Response.Body, AuditExport.Utf8);
            await writer.WriteLineAsync(Csv.Line(AccessReviewQuery.Header));
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(AccessReviewQuery.CsvLine(row));
            }
            return Results.Empty;
        });
        return app;
    }

    private static IResult BadTime() =>
        Results.Problem(title: "Enter times as yyyy-MM-dd or an ISO 8601 date and time.", statusCode: StatusCodes.Status400BadRequest);

    private static Task RecordAsync(IAuditTrail audit, string resource, string format, AuditQuery query, CancellationToken ct)
    {
        DiligenceTelemetry.Exports.Add(1, new KeyValuePair<string, object?>("format", format));
        return audit.RecordAsync(new AuditRecord(
            AuditActions.ExportDownloaded, resource, format,
            After: string.Join(" ", query.ToQueryString().Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={p.Value}"))), ct);
    }

    private static void Download(HttpContext http, string contentType, string fileName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
