using Diligence.Core.Audit;
using Diligence.Core.Exports;

namespace Diligence.Data;

/// <summary>
/// Durable PDF exports. A render is claimed with a database lease, so among several nodes exactly one renders an export
/// and a crashed node's export is claimed again once its lease runs out. Completion only counts for the node holding the claim.
/// </summary>
public interface IExportStore
{
    /// <summary>
    /// Stores a new queued export (state, owner, lease, attempts and result fields are stored as a fresh queue entry);
    /// <paramref name="audit"/>, when given, is appended in the same transaction.
    /// </summary>
    Task CreateAsync(Export export, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>The export without its PDF bytes; null when it does not exist.</summary>
    Task<Export?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A review's exports, newest first, without PDF bytes.</summary>
    Task<IReadOnlyList<Export>> ListForReviewAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of exports a node may claim at <paramref name="now"/>: queued, or rendering with a lease that ran out; oldest first.
    /// </summary>
    Task<IReadOnlyList<Guid>> ListClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// One atomic <c>UPDATE … SET state = rendering, owner, lease_until, attempts + 1 WHERE id AND (state = queued OR
    /// (state = rendering AND lease_until &lt; now))</c>; true when this call took the claim.
    /// </summary>
    Task<bool> TryClaimAsync(Guid id, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Stores the PDF and marks it ready, only while <paramref name="owner"/> still holds the claim; false otherwise.</summary>
    Task<bool> CompleteAsync(
        Guid id,
        string owner,
        byte[] pdf,
        string sha256,
        int pageCount,
        DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default);

    /// <summary>Marks it failed with a user-facing error, only while <paramref name="owner"/> still holds the claim.</summary>
    Task<bool> FailAsync(Guid id, string owner, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a failed export back in the queue, with <paramref name="audit"/> (when given) in the same transaction; false,
    /// and nothing written, when it is not failed.
    /// </summary>
    Task<bool> RetryAsync(Guid id, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>The PDF of a ready export; null when it is not ready or does not exist.</summary>
    Task<byte[]?> ReadPdfAsync(Guid id, CancellationToken cancellationToken = default);
}
