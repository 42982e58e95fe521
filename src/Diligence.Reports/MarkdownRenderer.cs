using Ganss.Xss;
using Markdig;

namespace Diligence.Reports;

/// <summary>
/// Markdown from questionnaires and answers to safe HTML: raw HTML in the source is shown as text, and the output is
/// sanitized too, so a crafted link (<c>javascript:</c>) or attribute never reaches a page or a PDF.
/// One pipeline and one sanitizer, built once; both are safe to share across threads.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        // No images: a remote image in an answer would be fetched by every reader's browser and by the PDF renderer.
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
