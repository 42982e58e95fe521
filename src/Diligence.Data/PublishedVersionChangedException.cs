namespace Diligence.Data;

/// <summary>Publishing a questionnaire version that is already published with other content: published versions are immutable.</summary>
public sealed class PublishedVersionChangedException(string questionnaireId, string version, string publishedHash, string attemptedHash)
    : Exception($"Questionnaire {questionnaireId} {version} is already published with content hash {publishedHash}; "
        + $"publish the changed content ({attemptedHash}) under a new version.")
{
    public string QuestionnaireId { get; } = questionnaireId;

    public string Version { get; } = version;

    public string PublishedHash { get; } = publishedHash;

    public string AttemptedHash { get; } = attemptedHash;
}
