namespace Diligence.Reports.Tests;

/// <summary>The checkout's root folder, found by walking up from the test binaries to Diligence.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Diligence.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Diligence.sln above {AppContext.BaseDirectory}.");
    }
}
