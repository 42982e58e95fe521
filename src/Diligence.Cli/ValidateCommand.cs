using System.CommandLine;
using Diligence.Core;
using Diligence.Core.Answers;

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
        var command = new Command(
            "validate",
            "Check questionnaire and answers files; print every problem as file:line:col. An answers file is checked " +
            "against its questionnaire, given on the same command line or found beside it or in the folder above.")
        {
            files,
        };
        command.SetAction(parseResult => Validate(parseResult.GetRequiredValue(files), parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Validate(string[] paths, TextWriter output)
    {
        // Every questionnaire is loaded before any answers file is checked against one.
        var files = paths.Select(Read).ToList();
        var finder = new QuestionnaireFinder(files);
        var failed = false;
        foreach (var file in files)
        {
            // Last resort: whatever goes wrong with one file is one line about that file.
            try
            {
                failed |= !Report(file, finder, output);
            }
            catch (Exception exception)
            {
                output.WriteLine($"{file.Path}: error: {OneLine(exception.Message)}");
                failed = true;
            }
        }

        return failed ? Cli.Failure : Cli.Success;
    }

    private static InputFile Read(string path)
    {
        try
        {
            return InputFile.Read(path);
        }
        catch (Exception exception)
        {
            return InputFile.Unreadable(path, $"{path}: error: {OneLine(exception.Message)}");
        }
    }

    /// <summary>Writes the file's diagnostics, then its summary when it has no errors; false when it has errors.</summary>
    private static bool Report(InputFile file, QuestionnaireFinder finder, TextWriter output)
    {
        if (file.Problem is not null)
        {
            output.WriteLine(file.Problem);
            return false;
        }

        return file.AnswersHeader is { } header
            ? ReportAnswers(file, header, finder, output)
            : ReportQuestionnaire(file, output);
    }

    private static bool ReportQuestionnaire(InputFile file, TextWriter output)
    {
        var result = file.Questionnaire!;
        WriteDiagnostics(result.Diagnostics, output);
        if (result.Value is not { } questionnaire)
        {
            return false;
        }

        output.WriteLine(
            $"{file.Path}: ok — questionnaire {questionnaire.Id} {questionnaire.Version}, " +
            $"{questionnaire.Steps.Count} steps, {questionnaire.AllItems.Count} items, sha256 {questionnaire.ContentHash}");
        return true;
    }

    private static bool ReportAnswers(InputFile file, AnswersHeader header, QuestionnaireFinder finder, TextWriter output)
    {
        if (header.QuestionnaireId.Length == 0 || header.QuestionnaireVersion.Length == 0)
        {
            output.WriteLine(
                $"{file.Path}:1:1: error: the answers file does not say which questionnaire it is for; " +
                "add questionnaire: { id: ..., version: ... }");
            return false;
        }

        if (finder.Find(file.Path, header) is not { } questionnaire)
        {
            output.WriteLine(
                $"{file.Path}:1:1: error: questionnaire '{header.QuestionnaireId}' version '{header.QuestionnaireVersion}' " +
                "not found; pass its file as well");
            return false;
        }

        var result = AnswersLoader.Load(file.Text!, file.Path, questionnaire);
        WriteDiagnostics(result.Diagnostics, output);
        if (result.Value is not { } answers)
        {
            return false;
        }

        output.WriteLine($"{file.Path}: ok — answers for {questionnaire.Id} {questionnaire.Version}, {answers.Count} answers");
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
