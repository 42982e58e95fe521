using System.CommandLine;
using Diligence.Core;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Core.WriteUp;
using Diligence.Reports;
using Microsoft.Playwright;

namespace Diligence.Cli;

/// <summary>
/// <c>diligence render --questionnaire Q --answers A --out F.pdf</c>: the committee write-up of an answers file, without
/// the web app. Problems are one line each on standard error (<c>file:line:col: error: …</c> for the inputs and
/// templates); the written files are one line each on standard output.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var questionnaire = new Option<string>("--questionnaire") { Description = "The questionnaire (YAML).", Required = true };
        var answers = new Option<string>("--answers") { Description = "The answers file (YAML) to write up.", Required = true };
        var output = new Option<string>("--out") { Description = "The PDF to write.", Required = true };
        var html = new Option<string?>("--html") { Description = "Also write the HTML the PDF was printed from." };
        var paper = new Option<string>("--paper") { Description = "Paper size.", DefaultValueFactory = _ => "a4" };
        paper.AcceptOnlyFromAmong("a4", "letter");
        var templates = new Option<string?>("--templates") { Description = "The templates folder (default: templates/ beside Diligence.sln)." };
        var chromium = new Option<string?>("--chromium") { Description = $"Chromium's executable (default: {ChromiumLocator.EnvironmentVariable}, then chromium on PATH)." };

        var command = new Command("render", "Write the committee write-up of an answers file as a PDF (and optionally HTML).")
        {
            questionnaire, answers, output, html, paper, templates, chromium,
        };
        command.SetAction((parseResult, cancellationToken) => RenderAsync(
            new RenderRequest(
                parseResult.GetRequiredValue(questionnaire),
                parseResult.GetRequiredValue(answers),
                parseResult.GetRequiredValue(output),
                parseResult.GetValue(html),
                parseResult.GetValue(paper) == "letter" ? PaperSize.Letter : PaperSize.A4,
                parseResult.GetValue(templates),
                parseResult.GetValue(chromium)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RenderAsync(RenderRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (Load(request.QuestionnairePath, error, QuestionnaireLoader.LoadFile) is not { } questionnaire)
            return Cli.Failure;
        if (Load(request.AnswersPath, error, path => AnswersLoader.LoadFile(path, questionnaire)) is not { } sheet)
            return Cli.Failure;

        var writeUp = new ReviewWriteUpComposer(new QuestionnaireEvaluator(questionnaire))
            .Compose(sheet, DateOnly.FromDateTime(DateTime.UtcNow));
        try
        {
            var renderer = WriteUpRenderer.Load(TemplateFolder.Locate(request.TemplatesPath));
            await using var pdf = new PdfRenderer(new ReportsOptions { ChromiumPath = request.ChromiumPath, Paper = request.Paper, RenderWorkers = 1 });
            var export = await new WriteUpExporter(renderer, pdf).ExportAsync(writeUp, request.Paper, cancellationToken);
            await File.WriteAllBytesAsync(request.OutputPath, export.Pdf, cancellationToken);
            output.WriteLine($"{request.OutputPath}: ok — write-up of {writeUp.Cover.Vendor}{(writeUp.Cover.Product is { } product ? $" {product}" : "")}, {export.PageCount} pages, sha256 {export.Sha256}");
            if (request.HtmlPath is { } htmlPath)
            {
                await File.WriteAllTextAsync(htmlPath, export.Html, cancellationToken);
                output.WriteLine($"{htmlPath}: ok — HTML of the write-up");
            }
            return Cli.Success;
        }
        catch (WriteUpTemplateException e)
        {
            error.WriteLine($"{e.File}:{e.Line}:{e.Column}: error: {e.Problem}");
        }
        catch (Exception e) when (e is ChromiumNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"diligence: error: {e.Message}");
        }
        catch (PlaywrightException e)
        {
            error.WriteLine($"diligence: error: Chromium could not print the write-up: {FirstLine(e.Message)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{request.OutputPath}: error: cannot write the file: {FirstLine(e.Message)}");
        }
        return Cli.Failure;
    }

    /// <summary>Reads and loads one input; prints its diagnostics; null when it has errors.</summary>
    private static T? Load<T>(string path, TextWriter error, Func<string, LoadResult<T>> load)
        where T : class
    {
        if (!File.Exists(path))
        {
            error.WriteLine(Directory.Exists(path) ? $"{path}: error: is a directory, not a file" : $"{path}: error: file not found");
            return null;
        }
        // The loaders read the file themselves, so an unreadable, oversized or non-UTF-8 file is reported in their words.
        var result = load(path);
        foreach (var diagnostic in result.Diagnostics)
            error.WriteLine(diagnostic.ToString().ReplaceLineEndings(" "));
        return result.Value;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
