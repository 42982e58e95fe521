using System.CommandLine;
using Diligence.Core;
using Diligence.Core.Definitions;

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
        var failed = false;
        foreach (var path in paths)
        {
            // Last resort: whatever goes wrong with one file is one line about that file.
            try
            {
                failed |= !ValidateFile(path, output);
            }
            catch (Exception exception)
            {
                output.WriteLine($"{path}: error: {OneLine(exception.Message)}");
                failed = true;
            }
        }

        return failed ? Cli.Failure : Cli.Success;
    }

    /// <summary>Writes the file's diagnostics, or its summary when it has no errors; false when it has errors.</summary>
    private static bool ValidateFile(string path, TextWriter output)
    {
        if (!TextFile.TryRead(path, out var text, out var problem))
        {
            output.WriteLine(problem);
            return false;
        }

        var result = QuestionnaireLoader.Load(text, path);
        WriteDiagnostics(result.Diagnostics, output);
        if (result.Value is not { } questionnaire)
        {
            return false;
        }

        output.WriteLine(
            $"{path}: ok — questionnaire {questionnaire.Id} {questionnaire.Version}, " +
            $"{questionnaire.Steps.Count} steps, {questionnaire.AllItems.Count} items, sha256 {questionnaire.ContentHash}");
        return true;
    }

    private static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(OneLine(diagnostic.ToString()));
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
