using Diligence.Tests.Shared;

namespace Diligence.Benchmarks;

/// <summary>The questionnaires the benchmarks measure, found from the repository root.</summary>
internal static class BenchmarkFiles
{
    /// <summary>The shipped ten-step questionnaire, or the valid corpus file that shows every item type until it ships.</summary>
    public static string TenStepQuestionnaire
    {
        get
        {
            var shipped = RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml");
            return File.Exists(shipped)
                ? shipped
                : RepositoryRoot.Combine("tests", "Diligence.Core.Tests", "Corpus", "Valid", "every-type.yaml");
        }
    }
}
