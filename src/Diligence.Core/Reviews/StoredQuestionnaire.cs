namespace Diligence.Core.Reviews;

/// <summary>A published questionnaire version as reviews pin it: immutable, identified by id + version + content hash.</summary>
public sealed record StoredQuestionnaire(
    string Id,
    string Version,
    string ContentHash,
    string Title,
    string Yaml,
    DateTimeOffset PublishedAt);
