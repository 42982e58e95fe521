using System.Text;
using Diligence.Core.Definitions;

namespace Diligence.Web.Library;

/// <summary>The library as a file to download, and uploaded files read into it: answers YAML or an Excel workbook.</summary>
public sealed class LibraryFiles(LibraryWorkspace workspace)
{
    public const string YamlContentType = "application/yaml";
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string NoFile = "Choose a file to upload.";
    public const string UnknownType = "Upload an answers file (.yaml or .yml) or an Excel workbook (.xlsx).";
    public const string NotText = "The file is not UTF-8 text, so it cannot be an answers file.";

    public static LibraryFile Export(LibraryState state, string? format) =>
        format == "xlsx"
            ? new(WorkbookExporter.Export(LibraryWorkspace.SheetOf(state), state.Questionnaire.Definition, Audience.Vendor),
                WorkbookContentType, FileNameOf(state, "xlsx"))
            : new(Encoding.UTF8.GetBytes(LibraryWorkspace.Export(state)), YamlContentType, FileNameOf(state, "yaml"));

    public async Task<LibraryImport> ImportAsync(LibraryState state, IFormFile? upload, Guid userId, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            return new LibraryImport(0, [NoFile]);
        }
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (extension == ".xlsx")
        {
            buffer.Position = 0;
            var (sheet, problems) = WorkbookImporter.Read(buffer, state.Questionnaire.Definition, state.Today);
            return sheet is null ? new LibraryImport(0, problems) : await workspace.ImportAsync(state, sheet, userId, ct);
        }
        if (extension is not (".yaml" or ".yml"))
        {
            return new LibraryImport(0, [UnknownType]);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return new LibraryImport(0, [NotText]);
        }
        return await workspace.ImportAsync(state, text, Path.GetFileName(upload.FileName), userId, ct);
    }

    private static string FileNameOf(LibraryState state, string extension)
    {
        var name = new string([.. state.Vendor.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return $"{name}.answers.{extension}";
    }
}
