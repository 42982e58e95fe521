namespace Diligence.Core.Tests.Shipped;

/// <summary>Paths of the questionnaire files shipped in the repository, found from the test's output folder.</summary>
internal static class ShippedFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Questionnaire => Path.Combine(RepositoryRoot, "questionnaires", "vendor-security-diligence.yaml");

    public static string Sample(string fileName) => Path.Combine(RepositoryRoot, "questionnaires", "samples", fileName);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Diligence.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Diligence.sln.");
    }
}
