using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Diligence.Core.WriteUp;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;

namespace Diligence.Reports;

/// <summary>
/// Turns a <see cref="WriteUp"/> into HTML with the Liquid templates of <c>templates/write-up/</c>, read from disk
/// when loaded, so they can be edited without recompiling. Every template is parsed on load, partials too, so a
/// mistake is reported as <c>file:line:col: message</c> before anything renders. Values are HTML-encoded; markdown goes
/// through <see cref="MarkdownRenderer"/> (raw HTML disabled, output sanitized). Immutable once loaded: thread-safe.
/// </summary>
public sealed partial class WriteUpRenderer
{
    public const string DocumentTemplate = "document.liquid";
    public const string HeaderTemplate = "page-header.liquid";
    public const string FooterTemplate = "page-footer.liquid";
    public const string Stylesheet = "write-up.css";

    private static readonly FluidParser _parser = new();

    // Keeps readable text readable (golden files, PDF text) while still encoding markup characters.
    private static readonly TextEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _options;
    private readonly IFluidTemplate _document;
    private readonly IFluidTemplate _header;
    private readonly IFluidTemplate _footer;
    private readonly string _stylesheet;
    private readonly string _folder;

    private WriteUpRenderer(string folder, MarkdownRenderer markdown)
    {
        _folder = folder;
        _options = CreateOptions(folder, markdown);
        foreach (var path in Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            Parse(path);
        _document = Parse(Path.Combine(folder, DocumentTemplate));
        _header = Parse(Path.Combine(folder, HeaderTemplate));
        _footer = Parse(Path.Combine(folder, FooterTemplate));
        _stylesheet = ReadFile(Path.Combine(folder, Stylesheet));
    }

    /// <summary>The folder the templates were read from.</summary>
    public string Folder => _folder;

    /// <param name="templatesFolder">The templates folder (see <see cref="TemplateFolder.Locate"/>); the write-up's files are in its <c>write-up/</c>.</param>
    /// <exception cref="WriteUpTemplateException">A template does not parse, or a file is missing.</exception>
    public static WriteUpRenderer Load(string templatesFolder, MarkdownRenderer? markdown = null)
    {
        ArgumentNullException.ThrowIfNull(templatesFolder);
        return new WriteUpRenderer(Path.GetFullPath(Path.Combine(templatesFolder, TemplateFolder.WriteUp)), markdown ?? new MarkdownRenderer());
    }

    /// <summary>The whole document; <paramref name="pages"/> fills the table of contents (anchor → page), empty on a first pass.</summary>
    public string RenderHtml(WriteUp writeUp, IReadOnlyDictionary<string, int>? pages = null)
    {
        ArgumentNullException.ThrowIfNull(writeUp);
        var toc = writeUp.Contents
            .Select(h => new TocLine(h.Anchor, h.Number, h.Title, pages is not null && pages.TryGetValue(h.Anchor, out var page) ? page.ToString(CultureInfo.InvariantCulture) : ""))
            .ToList();
        return Render(_document, DocumentTemplate, writeUp, context =>
        {
            context.SetValue("toc", toc);
            context.SetValue("stylesheet", new StringValue(_stylesheet, false));
        });
    }

    /// <summary>The running header: Chromium's header template, with its own inline styles.</summary>
    public string RenderPageHeader(WriteUp writeUp) => Render(_header, HeaderTemplate, writeUp, null);

    /// <summary>The running footer, with Chromium's <c>pageNumber</c> and <c>totalPages</c> placeholders.</summary>
    public string RenderPageFooter(WriteUp writeUp) => Render(_footer, FooterTemplate, writeUp, null);

    private string Render(IFluidTemplate template, string name, WriteUp writeUp, Action<TemplateContext>? configure)
    {
        var context = new TemplateContext(_options);
        context.SetValue("write_up", writeUp);
        configure?.Invoke(context);
        try
        {
            return WithoutBlankLines(template.Render(context, _encoder));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fluid's render-time errors carry no position; the message names the problem.
            throw new WriteUpTemplateException(Path.Combine(_folder, name), 1, 1, e.Message.ReplaceLineEndings(" "));
        }
    }

    private IFluidTemplate Parse(string path)
    {
        var source = ReadFile(path);
        if (_parser.TryParse(source, out var template, out var error))
            return template;
        var position = PositionPattern().Match(error);
        return position.Success
            ? throw new WriteUpTemplateException(
                path,
                int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture),
                error[..position.Index].Trim())
            : throw new WriteUpTemplateException(path, 1, 1, error.ReplaceLineEndings(" ").Trim());
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WriteUpTemplateException(path, 1, 1, $"cannot read the template: {e.Message}");
        }
    }

    private static TemplateOptions CreateOptions(string folder, MarkdownRenderer markdown)
    {
        var options = new TemplateOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            CultureInfo = CultureInfo.InvariantCulture,
            StrictFilters = true,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in typeof(WriteUp).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(WriteUp).Namespace && !t.IsEnum && !t.IsAbstract))
            options.MemberAccessStrategy.Register(type);
        options.MemberAccessStrategy.Register(typeof(TocLine));
        options.Filters.AddFilter("markdown", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(DemoteHeadings(markdown.ToHtml(input.ToStringValue())), false)));
        options.Filters.AddFilter("paragraphs", (input, _, _) => new ValueTask<FluidValue>(new StringValue(Paragraphs(input.ToStringValue()), false)));
        return options;
    }

    /// <summary>
    /// Drops the blank lines that lines holding only a tag leave behind (outside <c>pre</c>), so the HTML and its golden
    /// file read cleanly; Liquid's own trimming would also eat the spaces between inline values.
    /// </summary>
    private static string WithoutBlankLines(string html) =>
        BlankLine().Replace(html, m => m.Groups["pre"].Success ? m.Value : "");

    /// <summary>Headings inside an answer would join the document outline; they become bold paragraphs.</summary>
    private static string DemoteHeadings(string html) =>
        HeadingPattern().Replace(html, m => m.Groups["close"].Success ? "</p>" : "<p class=\"md-heading\">");

    /// <summary>Plain text as paragraphs (blank lines) and line breaks (single new lines), encoded.</summary>
    private static string Paragraphs(string text)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in ParagraphBreak().Split(text.Trim()))
        {
            if (paragraph.Length == 0)
                continue;
            builder.Append("<p>");
            builder.Append(string.Join("<br>", paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.TrimEnd('\r')))));
            builder.Append("</p>");
        }
        return builder.ToString();
    }

    [GeneratedRegex(@" at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"<(?<close>/)?h[1-6][^>]*>")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?<pre><pre[\s\S]*?</pre>)|\n[ \t]*(?=\n)")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex ParagraphBreak();
}
