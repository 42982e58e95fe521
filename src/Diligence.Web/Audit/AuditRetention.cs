using Diligence.Data;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Audit;

/// <summary>Prunes audit events older than the retention period, at start-up and then daily.</summary>
public sealed class AuditRetention(
    IAuditStore store, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        if (days == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            var pruned = await store.PruneAsync(clock.GetUtcNow().AddDays(-days), stoppingToken);
            if (pruned > 0)
            {
                logger.LogInformation("Pruned {Count} audit events older than {Days} days", pruned, days);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
