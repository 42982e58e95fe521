using System.Collections.Concurrent;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>
/// Parsed questionnaire versions by id and version. Published versions never change, so a parse is cached for the
/// life of the process; the stored hash is checked so a tampered row is refused rather than silently used.
/// </summary>
public sealed class QuestionnaireCatalog(IQuestionnaireStore store)
{
    private readonly ConcurrentDictionary<(string Id, string Version), Task<LoadedQuestionnaire?>> _cache = new();

    public Task<LoadedQuestionnaire?> GetAsync(string id, string version, CancellationToken ct) =>
        _cache.GetOrAdd((id, version), key => LoadAsync(key.Id, key.Version, ct));

    private async Task<LoadedQuestionnaire?> LoadAsync(string id, string version, CancellationToken ct)
    {
        var stored = await store.GetAsync(id, version, ct);
        if (stored is null)
        {
            _cache.TryRemove((id, version), out _);
            return null;
        }
        var result = QuestionnaireLoader.Load(stored.Yaml, $"{id}@{version}");
        if (result.Value is not { } questionnaire || !result.Succeeded || questionnaire.ContentHash != stored.ContentHash)
        {
            throw new InvalidOperationException(
                $"The stored questionnaire {id} {version} does not load or does not match its published hash.");
        }
        return new LoadedQuestionnaire(questionnaire, new QuestionnaireEvaluator(questionnaire));
    }
}
