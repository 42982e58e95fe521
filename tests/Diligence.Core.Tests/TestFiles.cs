namespace Diligence.Core.Tests;

/// <summary>Where the test files are: the corpus copied beside the test assembly, and the repository's own files.</summary>
internal static class TestFiles
{
    public static string Corpus { get; } = Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    public static string Valid(string name) => Path.Combine(Corpus, "Valid", name);

    public static string ReadValid(string name) => File.ReadAllText(Valid(name));

    /// <summary>The folder holding Diligence.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Diligence.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Diligence.sln not found above the test directory");
        }
    }

    /// <summary>The shipped ten-step questionnaire, when this tree has it.</summary>
    public static string? ShippedQuestionnaire
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "questionnaires", "vendor-security-diligence.yaml");
            return File.Exists(path) ? path : null;
        }
    }
}
