using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data;

/// <summary>Severities outside <see cref="FindingSeverities.All"/> are refused with <see cref="ArgumentException"/>.</summary>
public interface IFindingStore
{
    /// <summary>Every finding of a review, withdrawn ones included, oldest first.</summary>
    Task<IReadOnlyList<Finding>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The open findings (status open, not withdrawn) of several reviews, counted per review and severity in one read;
    /// reviews and severities without any are left out.
    /// </summary>
    Task<IReadOnlyList<OpenFindingCount>> CountOpenAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new finding; its Version is stored as 1 whatever the record says. <paramref name="audit"/>, when given, is
    /// appended in the same transaction.
    /// </summary>
    Task AddAsync(Finding finding, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves severity, text, owner, status and withdrawn when the stored version is still <paramref name="expectedVersion"/>;
    /// returns the new version. Throws <see cref="ConcurrencyConflictException"/> on a stale save,
    /// <see cref="KeyNotFoundException"/> when the finding does not exist. <paramref name="audit"/>, when given, is
    /// appended in the same transaction: the change is never stored without its event.
    /// </summary>
    Task<int> UpdateAsync(Finding finding, int expectedVersion, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the automatic (flag and rule) findings of a review exactly <paramref name="raised"/>, matched by SourceId:
    /// new ones are added open, ones no longer raised are withdrawn, withdrawn ones raised again are reinstated with
    /// their status, owner, severity and text kept. Manual findings are untouched. One transaction.
    /// </summary>
    Task<FindingSyncResult> SyncRaisedAsync(
        Guid reviewId,
        IReadOnlyList<RaisedFindingRow> raised,
        DateTimeOffset at,
        CancellationToken cancellationToken = default);
}
