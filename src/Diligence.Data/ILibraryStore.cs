using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Data;

/// <summary>
/// Each vendor's answer library: answers by key, with versions and history like a review's. Answers come back as
/// <see cref="StoredAnswer"/>s whose <see cref="StoredAnswer.ReviewId"/> holds the vendor id.
/// </summary>
public interface ILibraryStore
{
    /// <summary>The current (non-cleared) answers of a vendor's library.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="IAnswerStore.SaveAsync"/>, for a vendor's library, with the audit event appended in the save's own
    /// transaction when <paramref name="audit"/> is given; throws <see cref="KeyNotFoundException"/> for an unknown vendor.
    /// </summary>
    Task<AnswerSaveResult> SaveAsync(
        Guid vendorId, string key, string? valueJson, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the library exactly <paramref name="answers"/> (key → value JSON) in one transaction: changed keys get a new
    /// version and a history row, keys not given are cleared, equal ones are left alone. Returns how many changed; the
    /// event <paramref name="audit"/> (when given) makes of that number is appended in the same transaction.
    /// </summary>
    Task<int> ReplaceAsync(
        Guid vendorId, IReadOnlyDictionary<string, string> answers, Guid userId, DateTimeOffset at,
        Func<int, AuditEntry>? audit = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AnswerChange>> HistoryAsync(Guid vendorId, string? key = null, CancellationToken cancellationToken = default);

    Task<LibraryStatus> GetStatusAsync(Guid vendorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the library current as of <paramref name="asOf"/> for that questionnaire version, with <paramref name="audit"/>
    /// (when given) in the same transaction.
    /// </summary>
    Task SubmitAsync(
        Guid vendorId, string questionnaireId, string questionnaireVersion, DateOnly asOf, Guid userId, DateTimeOffset at,
        AuditEntry? audit = null, CancellationToken cancellationToken = default);
}
