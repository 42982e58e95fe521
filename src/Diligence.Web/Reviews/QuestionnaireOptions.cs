namespace Diligence.Web.Reviews;

public sealed class QuestionnaireOptions
{
    public const string Section = "Questionnaires";

    /// <summary>
    /// Folder of questionnaire definitions published at start-up (and its <c>samples/</c> answers). When empty,
    /// the nearest <c>questionnaires/</c> folder above the content root is used, which is the repository's.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Create the sample vendors from <c>samples/*.answers.yaml</c> when the database has no vendor yet.</summary>
    public bool SeedSampleVendors { get; set; } = true;
}
