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

    /// <summary>
    /// Checks the whole chain with the store's audit key from the newest retention checkpoint on, streaming: the signed
    /// head and checkpoint, then every event.
    /// </summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes sure the log is keyed with the store's audit key, at start-up: a log written before audit keys is checked
    /// (its plain SHA-256 chain) and, only if intact, keyed from its newest event, which signs that event's hash and its
    /// newest checkpoint; a keyed log's head must be signed with this key. A result that is not intact changed nothing.
    /// </summary>
    Task<AuditVerification> KeyAsync(CancellationToken cancellationToken = default);

    /// <summary>The signed head (the newest event's number and hash), or null before the log is keyed.</summary>
    Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// For each anchor, in order, why the log no longer matches it (see <see cref="AuditAnchor.Mismatch"/>), or null
    /// when it does.
    /// </summary>
    Task<IReadOnlyList<string?>> CheckAnchorsAsync(IReadOnlyList<AuditAnchor> anchors, CancellationToken cancellationToken = default);

    /// <summary>
    /// Retention: deletes the events that occurred before <paramref name="before"/>, up to the last such one but never
    /// the newest event, after recording it as the signed checkpoint the chain is verified from. Returns how many were
    /// deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
