namespace Diligence.Data;

/// <summary>Publishing a questionnaire version that is already published with other content: published versions are immutable.</summary>
public sealed class PublishedVersionChangedException : Exception
{
    public PublishedVersionChangedException(string questionnaireId, string version, string publishedHash, string attemptedHash)
        : base($"Questionnaire {questionnaireId} {version} is already published with content hash {publishedHash}; "
            + $"publish the changed content ({attemptedHash}) under a new version.")
    {
        QuestionnaireId = questionnaireId;
        Version = version;
        PublishedHash = publishedHash;
        AttemptedHash = attemptedHash;
    }

    public string QuestionnaireId { get; }

    public string Version { get; }

    public string PublishedHash { get; }

    public string AttemptedHash { get; }
}
