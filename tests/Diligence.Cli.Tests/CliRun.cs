namespace Diligence.Cli.Tests;

/// <summary>One in-process run of the <c>diligence</c> command line, with what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    public IReadOnlyList<string> AllLines => [.. Lines(Stdout), .. Lines(Stderr)];

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
