using System.CommandLine;

namespace Diligence.Cli;

/// <summary>The <c>diligence</c> command line: one subcommand per file next to this one.</summary>
internal static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Diligence: vendor security-diligence questionnaires.")
        {
            ValidateCommand.Create(),
            RenderCommand.Create(),
            ConvertCommand.Create(),
            AuditCommand.Create(),
            MigrateCommand.Create(),
        };

        // File arguments are taken literally: '@name' is a file, not a response file.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"diligence: {error.Message}");
            }

            stderr.WriteLine("Run 'diligence --help' for usage.");
            return UsageError;
        }

        // Last resort: a bug must still end in one line, never a stack trace.
        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception exception)
        {
            stderr.WriteLine($"diligence: error: {exception.Message.ReplaceLineEndings(" ")}");
            return Failure;
        }
    }
}
