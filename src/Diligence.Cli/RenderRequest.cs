using Diligence.Reports;

namespace Diligence.Cli;

/// <summary>What <c>diligence render</c> was asked to do.</summary>
internal sealed record RenderRequest(
    string QuestionnairePath,
    string AnswersPath,
    string OutputPath,
    string? HtmlPath,
    PaperSize Paper,
    string? TemplatesPath,
    string? ChromiumPath);
