using System.Globalization;
using Diligence.Core.Exports;

namespace Diligence.Web.Exports;

/// <summary>One export as the history panel and its status endpoint show it.</summary>
public sealed record ExportStatus(
    Guid Id,
    string State,
    string Label,
    string Paper,
    string RequestedAt,
    string? FinishedAt,
    string FileName,
    int? PageCount,
    long? SizeBytes,
    string? Error,
    string? DownloadUrl)
{
    public static ExportStatus Of(Export export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return new ExportStatus(
            export.Id,
            export.State.ToString().ToLowerInvariant(),
            LabelOf(export.State),
            export.Paper,
            When(export.RequestedAt),
            export.FinishedAt is { } finished ? When(finished) : null,
            export.FileName,
            export.PageCount,
            export.SizeBytes,
            export.State == ExportState.Failed ? export.Error : null,
            export.State == ExportState.Ready ? $"/exports/{export.Id}/pdf" : null);
    }

    public static string LabelOf(ExportState state) => state switch
    {
        ExportState.Queued => "Queued",
        ExportState.Rendering => "Rendering",
        ExportState.Ready => "Ready",
        _ => "Failed",
    };

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
