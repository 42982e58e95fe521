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
}
