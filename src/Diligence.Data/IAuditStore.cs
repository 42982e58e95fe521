using Diligence.Core.Audit;

namespace Diligence.Data;

/// <summary>The append-only audit log: rows are only ever added, or removed whole by retention behind a checkpoint.</summary>
public interface IAuditStore
{
    /// <summary>Appends the entry as the next event of the chain; concurrent appends are serialised so the chain never forks.</summary>
    Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Events matching the filter, newest first; <paramref name="skip"/> and <paramref name="take"/> page them.</summary>
    Task<AuditPage> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Events matching the filter, oldest first, read one at a time (for exports).</summary>
    IAsyncEnumerable<AuditEvent> StreamAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Checks the whole chain from the newest retention checkpoint on, streaming.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Retention: deletes the events that occurred before <paramref name="before"/>, up to the last such one, after
    /// recording it as the checkpoint the chain is verified from. Returns how many were deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
