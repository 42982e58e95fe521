using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.WriteUp;

namespace Diligence.Reports.Tests;

/// <summary>The shipped questionnaire, its sample answers and the test fixture, loaded once.</summary>
internal static class Reviews
{
    public static readonly DateOnly FixtureDay = new(2026, 3, 1);

    private static readonly Lazy<Questionnaire> _questionnaire = new(() =>
        QuestionnaireLoader.LoadFile(RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml")).Value
        ?? throw new InvalidOperationException("the shipped questionnaire does not load"));

    public static Questionnaire Questionnaire => _questionnaire.Value;

    public static string QuestionnairePath => RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml");

    public static string SamplePath(string name) => RepositoryRoot.Combine("questionnaires", "samples", $"{name}.answers.yaml");

    public static string FixturePath => RepositoryRoot.Combine("tests", "Diligence.Reports.Tests", "Fixtures", "reviewed-vendor.answers.yaml");

    public static AnswerSheet Sample(string name) => Load(SamplePath(name));

    public static AnswerSheet Fixture() => Load(FixturePath);

    /// <summary>A review the committee rejected, against the fixture reviewer's recommendation to approve with conditions.</summary>
    public static ReviewFacts Rejected { get; } = new()
    {
        VendorName = "Fixture Corporation",
        Status = Core.Reviews.ReviewStatus.Decided,
        Decision = Core.Reviews.Decision.Reject,
        DecisionRationale = "Inbound access into our network is a hard stop for this workload.",
        DecidedBy = "Chris Chair",
        DecidedOn = new DateOnly(2026, 3, 4),
        Reviewer = "Ada Analyst",
    };

    public static WriteUp WriteUpOf(AnswerSheet sheet, DateOnly? day = null, ReviewFacts? facts = null) =>
        new WriteUpBuilder(Questionnaire).Build(sheet, day ?? sheet.AsOf ?? FixtureDay, facts);

    public static string TemplatesFolder => RepositoryRoot.Combine("templates");

    private static AnswerSheet Load(string path)
    {
        var result = AnswersLoader.LoadFile(path, Questionnaire);
        return result.Value ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
