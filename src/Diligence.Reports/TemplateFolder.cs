namespace Diligence.Reports;

/// <summary>Where the write-up templates live: a configured folder, else <c>templates/</c> beside <c>Diligence.sln</c>.</summary>
public static class TemplateFolder
{
    /// <summary>The write-up's own folder inside the templates folder.</summary>
    public const string WriteUp = "write-up";

    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    public static string Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Directory.Exists(configuredPath)
                ? Path.GetFullPath(configuredPath)
                : throw new DirectoryNotFoundException($"The templates folder '{configuredPath}' does not exist.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Diligence.sln")) && Directory.Exists(Path.Combine(folder.FullName, "templates")))
                    return Path.Combine(folder.FullName, "templates");
            }
        }
        throw new DirectoryNotFoundException(
            "No templates folder was found: set Reports:TemplatesPath, or run inside a checkout (templates/ beside Diligence.sln).");
    }
}
