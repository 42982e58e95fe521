using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data;

public interface IQuestionnaireStore
{
    /// <summary>
    /// Stores a published version. Publishing the same id + version + hash again changes nothing and returns false;
    /// the same id + version with another hash throws <see cref="PublishedVersionChangedException"/>. <paramref name="audit"/>,
    /// when given, is appended in the same transaction when the version is stored.
    /// </summary>
    Task<bool> PublishAsync(StoredQuestionnaire questionnaire, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    Task<StoredQuestionnaire?> GetAsync(string id, string version, CancellationToken cancellationToken = default);

    /// <summary>Every published version, by id then publication time.</summary>
    Task<IReadOnlyList<StoredQuestionnaire>> ListAsync(CancellationToken cancellationToken = default);
}
