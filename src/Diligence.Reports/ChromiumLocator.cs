namespace Diligence.Reports;

/// <summary>
/// Finds the Chromium executable: the configured path, else the <c>DILIGENCE_CHROMIUM</c> environment variable, else
/// <c>chromium-headless-shell</c>, <c>chromium</c>, <c>chromium-browser</c> or <c>google-chrome</c> on the system path.
/// Playwright's own browser download is never used: the machines run Debian's <c>chromium</c> and
/// <c>chromium-headless-shell</c> packages.
/// The headless shell comes first: it prints the same PDFs as the full browser with about half its memory (no browser
/// UI, no WebUI renderer, printing in-process).
/// </summary>
public static class ChromiumLocator
{
    public const string EnvironmentVariable = "DILIGENCE_CHROMIUM";

    private static readonly string[] _names = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"];

    private const string InstallHint =
        "install the Debian package 'chromium' (apt-get install chromium; 'chromium-headless-shell' prints the same PDFs with less memory)";

    /// <exception cref="ChromiumNotFoundException">A configured path does not exist, or nothing was found.</exception>
    public static string Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return Existing(configuredPath, "the configured path, Reports:ChromiumPath");
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return Existing(fromEnvironment, EnvironmentVariable);
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in _names)
        {
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        throw new ChromiumNotFoundException(
            $"Chromium was not found (looked for {string.Join(", ", _names)} on PATH); {InstallHint} or set Reports:ChromiumPath " +
            $"or {EnvironmentVariable}.");
    }

    private static string Existing(string path, string source) =>
        File.Exists(path)
            ? path
            : throw new ChromiumNotFoundException(
                $"Chromium was not found at '{path}' (from {source}); {InstallHint} or correct the path.");
}
