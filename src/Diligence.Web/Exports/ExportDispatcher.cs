using Diligence.Data;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Exports;

/// <summary>
/// At start-up and then every few seconds, enqueues a job for each export a node may claim: queued ones (after a
/// restart the in-memory job queue is empty, the table is not) and ones whose claimer's lease ran out (a crashed node).
/// </summary>
public sealed class ExportDispatcher(
    IExportStore exports, ExportQueue queue, IOptions<JobsOptions> options, TimeProvider clock, ILogger<ExportDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds), clock);
        do
        {
            try
            {
                var enqueued = 0;
                foreach (var id in await exports.ListClaimableAsync(clock.GetUtcNow(), BatchSize, stoppingToken))
                {
                    enqueued += queue.EnqueueUnlessPending(id) ? 1 : 0;
                }
                queue.ForgetOlderThanLease();
                if (enqueued > 0)
                {
                    logger.LogInformation("Enqueued {Count} unfinished exports", enqueued);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or briefly unreachable database: the next tick tries again.
                logger.LogWarning(e, "Looking for unfinished exports failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
