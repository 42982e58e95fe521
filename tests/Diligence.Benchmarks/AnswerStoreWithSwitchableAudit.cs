using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data;

namespace Diligence.Benchmarks;

/// <summary>
/// The app's answer store with the audit event left out of saves while <see cref="WritesAuditEvents"/> is off: the
/// baseline that shows what the event adds to an autosave. Only the benchmarks use it; the app always writes the event.
/// </summary>
internal sealed class AnswerStoreWithSwitchableAudit(IAnswerStore answers) : IAnswerStore
{
    public volatile bool WritesAuditEvents = true;

    public Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default) =>
        answers.ListAsync(reviewId, cancellationToken);

    public Task<IReadOnlyList<StoredAnswer>> ListAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default) =>
        answers.ListAsync(reviewIds, cancellationToken);

    public Task<StoredAnswer?> GetAsync(Guid reviewId, string key, CancellationToken cancellationToken = default) =>
        answers.GetAsync(reviewId, key, cancellationToken);

    public Task<AnswerSaveResult> SaveAsync(
        Guid reviewId, string key, string? valueJson, int expectedVersion, Guid userId, DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null, CancellationToken cancellationToken = default) =>
        answers.SaveAsync(reviewId, key, valueJson, expectedVersion, userId, at, WritesAuditEvents ? audit : null, cancellationToken);

    public Task<IReadOnlyList<AnswerChange>> HistoryAsync(Guid reviewId, string? key = null, CancellationToken cancellationToken = default) =>
        answers.HistoryAsync(reviewId, key, cancellationToken);
}
