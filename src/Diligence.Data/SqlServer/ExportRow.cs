using Diligence.Core.Exports;

namespace Diligence.Data.SqlServer;

/// <summary>An exports row without its PDF; the state is stored in lower case.</summary>
internal sealed class ExportRow
{
    public Guid Id { get; init; }

    public Guid ReviewId { get; init; }

    public Guid RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public string Paper { get; init; } = "";

    public string State { get; init; } = "";

    public string? Owner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    public int Attempts { get; init; }

    public string? Error { get; init; }

    public string FileName { get; init; } = "";

    public string? Sha256 { get; init; }

    public int? PageCount { get; init; }

    public long? SizeBytes { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public Export ToExport() => new()
    {
        Id = Id,
        ReviewId = ReviewId,
        RequestedBy = RequestedBy,
        RequestedAt = RequestedAt,
        Paper = Paper,
        State = Enum.Parse<ExportState>(State, ignoreCase: true),
        Owner = Owner,
        LeaseUntil = LeaseUntil,
        Attempts = Attempts,
        Error = Error,
        FileName = FileName,
        Sha256 = Sha256,
        PageCount = PageCount,
        SizeBytes = SizeBytes,
        FinishedAt = FinishedAt,
    };
}
