using Diligence.Core.Reviews;

namespace Diligence.Data;

public interface IQuestionnaireStore
{
    /// <summary>
    /// Stores a published version. Publishing the same id + version + hash again changes nothing and returns false;
    /// the same id + version with another hash throws <see cref="PublishedVersionChangedException"/>.
    /// </summary>
    Task<bool> PublishAsync(StoredQuestionnaire questionnaire, CancellationToken cancellationToken = default);

    Task<StoredQuestionnaire?> GetAsync(string id, string version, CancellationToken cancellationToken = default);

    /// <summary>Every published version, by id then publication time.</summary>
    Task<IReadOnlyList<StoredQuestionnaire>> ListAsync(CancellationToken cancellationToken = default);
}
