using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Exports;

/// <summary>
/// Hands exports to Hangfire, one job per export id. The database row is the queue of record; this node only
/// remembers what it enqueued lately so the dispatcher does not pile up duplicate jobs (a duplicate is harmless:
/// its claim fails and it returns).
/// </summary>
public sealed class ExportQueue(IBackgroundJobClient jobs, IOptions<JobsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _enqueuedAt = new();

    public void Enqueue(Guid exportId)
    {
        _enqueuedAt[exportId] = clock.GetUtcNow();
        jobs.Enqueue<ExportJob>(job => job.RunAsync(exportId));
    }

    /// <summary>Enqueues the export unless this node already did within one lease; true when it enqueued.</summary>
    public bool EnqueueUnlessPending(Guid exportId)
    {
        var now = clock.GetUtcNow();
        if (_enqueuedAt.TryGetValue(exportId, out var at) && now - at < options.Value.Lease)
        {
            return false;
        }
        Enqueue(exportId);
        return true;
    }

    /// <summary>Forgets exports enqueued more than a lease ago, so the memory stays as small as the queue.</summary>
    public void ForgetOlderThanLease()
    {
        var cutoff = clock.GetUtcNow() - options.Value.Lease;
        foreach (var (id, at) in _enqueuedAt)
        {
            if (at < cutoff)
            {
                _enqueuedAt.TryRemove(id, out _);
            }
        }
    }
}
