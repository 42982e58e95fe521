using System.CommandLine;
using System.Text;
using Diligence.Core;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Interchange;

namespace Diligence.Cli;

/// <summary>
/// <c>diligence convert --questionnaire Q --in A.yaml|A.xlsx --out B.xlsx|B.yaml</c>: an answers file as a workbook and
/// back, with the web app's reader and writer. The input is validated first; every problem is one line on standard
/// error (<c>file:line:col: error: …</c>, or <c>file: error: Sheet '…', row …, column …: …</c>) and nothing is written.
/// </summary>
internal static class ConvertCommand
{
    public const string UnknownInput = "diligence: error: --in must be an answers file (.yaml, .yml) or a workbook (.xlsx)";
    public const string UnknownOutput = "diligence: error: --out must be an answers file (.yaml, .yml) or a workbook (.xlsx)";

    public static Command Create()
    {
        var questionnaire = new Option<string>("--questionnaire") { Description = "The questionnaire (YAML) the answers are for.", Required = true };
        var input = new Option<string>("--in") { Description = "The answers file (.yaml) or workbook (.xlsx) to read.", Required = true };
        var output = new Option<string>("--out") { Description = "The workbook (.xlsx) or answers file (.yaml) to write.", Required = true };
        var command = new Command("convert", "Convert an answers file to an Excel workbook, or a workbook back to an answers file.")
        {
            questionnaire, input, output,
        };
        command.SetAction(parseResult => Convert(
            parseResult.GetRequiredValue(questionnaire),
            parseResult.GetRequiredValue(input),
            parseResult.GetRequiredValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Convert(string questionnairePath, string inputPath, string outputPath, TextWriter output, TextWriter error)
    {
        var inputIsWorkbook = IsWorkbook(inputPath);
        if (!inputIsWorkbook && !IsYaml(inputPath))
        {
            error.WriteLine(UnknownInput);
            return Cli.UsageError;
        }
        if (!IsWorkbook(outputPath) && !IsYaml(outputPath))
        {
            error.WriteLine(UnknownOutput);
            return Cli.UsageError;
        }
        if (Missing(questionnairePath, error) || Missing(inputPath, error))
        {
            return Cli.Failure;
        }
        var loaded = QuestionnaireLoader.LoadFile(questionnairePath);
        WriteDiagnostics(loaded.Diagnostics, error);
        if (loaded.Value is not { } questionnaire)
        {
            return Cli.Failure;
        }
        var sheet = inputIsWorkbook ? ReadWorkbook(inputPath, questionnaire, error) : ReadYaml(inputPath, questionnaire, error);
        if (sheet is null)
        {
            return Cli.Failure;
        }
        try
        {
            if (IsWorkbook(outputPath))
            {
                File.WriteAllBytes(outputPath, WorkbookExporter.Export(sheet, questionnaire, Audience.Both));
            }
            else
            {
                File.WriteAllText(outputPath, AnswersWriter.Write(sheet, questionnaire), new UTF8Encoding(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{outputPath}: error: cannot write the file: {e.Message.Split('\n', 2)[0].Trim()}");
            return Cli.Failure;
        }
        output.WriteLine($"{outputPath}: ok — {sheet.Count} answers to {questionnaire.Id} {questionnaire.Version}");
        return Cli.Success;
    }

    private static AnswerSheet? ReadYaml(string path, Questionnaire questionnaire, TextWriter error)
    {
        var result = AnswersLoader.LoadFile(path, questionnaire);
        WriteDiagnostics(result.Diagnostics, error);
        return result.Value;
    }

    private static AnswerSheet? ReadWorkbook(string path, Questionnaire questionnaire, TextWriter error)
    {
        using var content = File.OpenRead(path);
        var (sheet, problems) = WorkbookImporter.Read(content, new QuestionnaireEvaluator(questionnaire), null, Audience.Both);
        foreach (var problem in problems)
        {
            error.WriteLine($"{path}: error: {problem}");
        }
        return sheet;
    }

    private static bool Missing(string path, TextWriter error)
    {
        if (File.Exists(path))
        {
            return false;
        }
        error.WriteLine(Directory.Exists(path) ? $"{path}: error: is a directory, not a file" : $"{path}: error: file not found");
        return true;
    }

    private static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.ToString().ReplaceLineEndings(" "));
        }
    }

    private static bool IsWorkbook(string path) => Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static bool IsYaml(string path) => Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml";
}
