using System.Text;
using Diligence.Core;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Interchange;

namespace Diligence.Web.Library;

/// <summary>
/// An uploaded answers YAML or workbook read and validated against a questionnaire: the sheet, or every problem with
/// its line/column (YAML) or sheet/row/column (workbook). Shared by the vendor library and review imports.
/// </summary>
public static class AnswersUpload
{
    public const string NoFile = "Choose a file to upload.";
    public const string UnknownType = "Upload an answers file (.yaml or .yml) or an Excel workbook (.xlsx).";
    public const string NotText = "The file is not UTF-8 text, so it cannot be an answers file.";

    public static async Task<(AnswerSheet? Sheet, IReadOnlyList<string> Problems)> ReadAsync(
        IFormFile? upload, QuestionnaireEvaluator evaluator, DateOnly today, Audience audience, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, [NoFile]);
        }
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml" or ".xlsx"))
        {
            return (null, [UnknownType]);
        }
        // The packed file only, at most the request limit (1 MB); a workbook's package is checked before it unpacks.
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        if (extension == ".xlsx")
        {
            buffer.Position = 0;
            return WorkbookImporter.Read(buffer, evaluator, today, audience);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return (null, [NotText]);
        }
        var result = AnswersLoader.Load(text, Path.GetFileName(upload.FileName), evaluator, today, audience);
        return result.Succeeded && result.Value is { } sheet
            ? (sheet, [])
            : (null, [.. result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error).Select(d => d.ToString())]);
    }
}
