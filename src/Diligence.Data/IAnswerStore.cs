using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data;

public interface IAnswerStore
{
    /// <summary>The current (non-cleared) answers of a review, by key.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The current answers of several reviews in one read (a list of reviews needs no read per review), ordered by
    /// review and key.
    /// </summary>
    Task<IReadOnlyList<StoredAnswer>> ListAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default);

    Task<StoredAnswer?> GetAsync(Guid reviewId, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an answer (null <paramref name="valueJson"/> clears it) and one history row in one transaction, when the
    /// stored version is still <paramref name="expectedVersion"/> (0: there is no answer yet, or it was cleared);
    /// otherwise changes nothing and returns a conflict carrying the current answer. Clearing an absent answer is a no-op.
    /// Throws <see cref="KeyNotFoundException"/> for an unknown review and <see cref="InvalidOperationException"/> for a decided one.
    /// When the save writes and <paramref name="audit"/> is given, the event it builds from the answer before and the
    /// save is appended to the audit chain in the same transaction: the answer and its event are stored together or not
    /// at all (and a conflict or a no-op writes no event).
    /// </summary>
    Task<AnswerSaveResult> SaveAsync(
        Guid reviewId,
        string key,
        string? valueJson,
        int expectedVersion,
        Guid userId,
        DateTimeOffset at,
        Func<StoredAnswer?, AnswerSaveResult.Saved, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes of one key, by version, or of every key when <paramref name="key"/> is null, by time (then key, version).
    /// </summary>
    Task<IReadOnlyList<AnswerChange>> HistoryAsync(Guid reviewId, string? key = null, CancellationToken cancellationToken = default);
}
