using Diligence.Core.Audit;
namespace Diligence.Data;

/// <summary>Answers files imported into a review: every answer at once, or none.</summary>
public interface IAnswerImportStore
{
    /// <summary>
    /// Writes <paramref name="answers"/> into the review in one transaction, when the review is not decided and every
    /// key's stored version is still its expected version; each changed key gets a new version and a history row, equal
    /// ones are left alone, keys not given are untouched. Throws <see cref="KeyNotFoundException"/> for an unknown review.
    /// When the answers are written and <paramref name="audit"/> is given, the event it makes of the number changed is
    /// appended in that transaction.
    /// </summary>
    Task<AnswerImportResult> ImportAsync(
        Guid reviewId, IReadOnlyList<ImportedAnswer> answers, Guid userId, DateTimeOffset at,
        Func<int, AuditEntry>? audit = null, CancellationToken cancellationToken = default);
}
