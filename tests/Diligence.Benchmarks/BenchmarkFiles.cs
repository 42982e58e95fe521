namespace Diligence.Benchmarks;

/// <summary>The questionnaires the benchmarks measure, found from the repository root.</summary>
internal static class BenchmarkFiles
{
    /// <summary>The folder holding Diligence.sln, found by walking up from the benchmark's binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Diligence.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException($"Diligence.sln not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The shipped ten-step questionnaire, or the valid corpus file that shows every item type until it ships.</summary>
    public static string TenStepQuestionnaire
    {
        get
        {
            var shipped = Path.Combine(RepositoryRoot, "questionnaires", "vendor-security-diligence.yaml");
            return File.Exists(shipped)
                ? shipped
                : Path.Combine(RepositoryRoot, "tests", "Diligence.Core.Tests", "Corpus", "Valid", "every-type.yaml");
        }
    }
}
