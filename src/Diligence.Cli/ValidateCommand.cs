using System.CommandLine;

namespace Diligence.Cli;

/// <summary><c>diligence validate FILE…</c>: checks questionnaire and answers files, one verdict per file.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Questionnaire or answers files (YAML); answers files are told apart by their content.",
            Arity = ArgumentArity.OneOrMore,
        };
        // Unknown options would otherwise be taken for file names; a file named '-x' is passed as './-x'.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var command = new Command("validate", "Check questionnaire and answers files; print every error as file:line:col.")
        {
            files,
        };
        command.SetAction(parseResult => Validate(parseResult.GetRequiredValue(files), parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Validate(string[] paths, TextWriter output)
    {
        var exitCode = Cli.Success;
        foreach (var path in paths)
        {
            if (!TextFile.TryRead(path, out _, out var problem))
            {
                output.WriteLine(problem);
                exitCode = Cli.Failure;
            }
        }

        return exitCode;
    }
}
