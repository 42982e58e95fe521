using System.Diagnostics;
using Diligence.Data;
using Diligence.Web.Hosting;
using Diligence.Reports;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Exports;

/// <summary>
/// Renders one export. Takes only the export id: everything else is read from the database, so the job can run on
/// any node, and a job that runs twice (or on two nodes) renders once, because only one claim succeeds.
/// </summary>
public sealed class ExportJob(
    IExportStore exports,
    ReviewWriteUpSource source,
    WriteUpExporter exporter,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ExportJob> logger)
{
    // A failure is recorded on the export for the user to retry, and the dispatcher re-enqueues anything left
    // unfinished: Hangfire's own retries would only add duplicate runs.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid exportId)
    {
        var node = options.Value.EffectiveNodeId;
        var now = clock.GetUtcNow();
        if (!await exports.TryClaimAsync(exportId, node, now, now + options.Value.Lease))
        {
            return;
        }
        var ct = lifetime.ApplicationStopping;
        using var activity = DiligenceTelemetry.Source.StartActivity("export.render");
        activity?.SetTag("diligence.export.id", exportId);
        activity?.SetTag("diligence.node", node);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var export = await exports.GetAsync(exportId, ct) ?? throw new InvalidOperationException("The claimed export vanished.");
            activity?.SetTag("diligence.review.id", export.ReviewId);
            if (await source.ComposeAsync(export.ReviewId, ct) is not { } writeUp)
            {
                await exports.FailAsync(exportId, node, ExportFailure.ReviewGone, clock.GetUtcNow(), CancellationToken.None);
                return;
            }
            var rendered = await exporter.ExportAsync(writeUp, ExportPapers.SizeOf(export.Paper), ct);
            if (!await exports.CompleteAsync(exportId, node, rendered.Pdf, rendered.Sha256, rendered.PageCount, clock.GetUtcNow(), ct))
            {
                logger.LogWarning("Export {ExportId} was taken over by another node before it finished here", exportId);
                outcome = "taken-over";
                return;
            }
            outcome = "ready";
            logger.LogInformation("Export {ExportId} ready: {Pages} pages, {Bytes} bytes", exportId, rendered.PageCount, rendered.Pdf.Length);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the export is claimed again, here after a restart or by another node.
            logger.LogInformation("Export {ExportId} interrupted by shutdown", exportId);
            outcome = "interrupted";
        }
        catch (Exception e)
        {
            logger.LogError(e, "Export {ExportId} failed", exportId);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            await exports.FailAsync(exportId, node, ExportFailure.MessageFor(e), clock.GetUtcNow(), CancellationToken.None);
        }
        finally
        {
            activity?.SetTag("diligence.export.outcome", outcome);
            DiligenceTelemetry.ExportRenderMilliseconds.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
