using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Benchmarks;

/// <summary>The shipped ten-step questionnaire and the Astro sample answers, read from the checkout.</summary>
internal static class WriteUpReview
{
    public static string Root { get; } = FindRoot();

    public static Questionnaire LoadQuestionnaire() =>
        QuestionnaireLoader.LoadFile(Path.Combine(Root, "questionnaires", "vendor-security-diligence.yaml")).Value
        ?? throw new InvalidOperationException("the shipped questionnaire does not load");

    public static AnswerSheet LoadAstro(Questionnaire questionnaire) =>
        AnswersLoader.LoadFile(Path.Combine(Root, "questionnaires", "samples", "astronomer-astro.answers.yaml"), questionnaire).Value
        ?? throw new InvalidOperationException("the Astro sample does not load");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Diligence.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Diligence.sln above {AppContext.BaseDirectory}.");
    }
}
