using Diligence.Tests.Shared;

namespace Diligence.Core.Tests;

/// <summary>Where the test files are: the corpus copied beside the test assembly, and the repository's own files.</summary>
internal static class TestFiles
{
    public static string Corpus { get; } = Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    public static string Valid(string name) => Path.Combine(Corpus, "Valid", name);

    public static string ReadValid(string name) => File.ReadAllText(Valid(name));

    /// <summary>The shipped ten-step questionnaire, when this tree has it.</summary>
    public static string? ShippedQuestionnaire
    {
        get
        {
            var path = RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml");
            return File.Exists(path) ? path : null;
        }
    }
}
