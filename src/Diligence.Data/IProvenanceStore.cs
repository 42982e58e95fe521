using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data;

/// <summary>Review answers that came from a vendor's library, and the reviewer's acceptance of them.</summary>
public interface IProvenanceStore
{
    /// <summary>
    /// Copies the vendor's library answers for <paramref name="keys"/> into the review, in one transaction: each copy
    /// gets a history row and a provenance row; keys the review already answers, or the library lacks, are skipped.
    /// Returns how many were copied.
    /// </summary>
    Task<int> PrefillAsync(
        Guid reviewId, Guid vendorId, IReadOnlyCollection<string> keys, Guid userId, DateTimeOffset at,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AnswerProvenance>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>Records that a reviewer accepted the vendor's answer; false when the key has no provenance.</summary>
    Task<bool> ConfirmAsync(Guid reviewId, string key, Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records in one transaction that a reviewer accepted the vendor's answers to <paramref name="keys"/>: those not yet
    /// confirmed whose answer is still the vendor's. Returns how many; when there were any and <paramref name="audit"/>
    /// is given, the event it builds from that number commits with them. Throws <see cref="KeyNotFoundException"/> for
    /// an unknown review and <see cref="InvalidOperationException"/> for a decided one.
    /// </summary>
    Task<int> ConfirmAllAsync(
        Guid reviewId, IReadOnlyCollection<string> keys, Guid userId, DateTimeOffset at, Func<int, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the vendor's library answer to <paramref name="key"/> into the review as <see cref="IAnswerStore.SaveAsync"/>
    /// saves an answer (version check, history row, audit event in the same transaction), and makes it the answer's
    /// provenance: vendor-supplied, as of the library answer, not yet confirmed. Null when the vendor's library has no
    /// answer to the key. Throws as <see cref="IAnswerStore.SaveAsync"/> does.
    /// </summary>
    Task<AnswerSaveResult?> TakeLibraryAnswerAsync(
        Guid reviewId, string key, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default);
}
