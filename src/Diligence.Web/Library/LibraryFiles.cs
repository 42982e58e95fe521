using System.Text;
using Diligence.Core.Definitions;
using Diligence.Interchange;

namespace Diligence.Web.Library;

/// <summary>The library as a file to download, and uploaded files read into it: answers YAML or an Excel workbook.</summary>
public sealed class LibraryFiles(LibraryWorkspace workspace)
{
    public const string YamlContentType = "application/yaml";
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static LibraryFile Export(LibraryState state, string? format) =>
        format == "xlsx"
            ? new(WorkbookExporter.Export(LibraryWorkspace.SheetOf(state), state.Questionnaire.Definition, Audience.Vendor),
                WorkbookContentType, FileNameOf(state, "xlsx"))
            : new(Encoding.UTF8.GetBytes(LibraryWorkspace.Export(state)), YamlContentType, FileNameOf(state, "yaml"));

    /// <summary>Replaces the library with the file's answers (vendor items only), or reports every problem and changes nothing.</summary>
    public async Task<AnswersImport> ImportAsync(LibraryState state, IFormFile? upload, Guid userId, CancellationToken ct)
    {
        var (sheet, problems) = await AnswersUpload.ReadAsync(upload, state.Questionnaire.Evaluator, state.Today, Audience.Vendor, ct);
        return sheet is null ? new AnswersImport(0, problems) : await workspace.ImportAsync(state, sheet, userId, ct);
    }

    private static string FileNameOf(LibraryState state, string extension)
    {
        var name = new string([.. state.Vendor.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return $"{name}.answers.{extension}";
    }
}
