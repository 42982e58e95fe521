namespace Diligence.Core.Exports;

/// <summary>
/// One requested PDF of a review. Once ready it never changes: a new export is a new row, so the review keeps its history.
/// <see cref="Owner"/> and <see cref="LeaseUntil"/> say which node renders it and until when its claim holds.
/// </summary>
public sealed record Export
{
    public required Guid Id { get; init; }

    public required Guid ReviewId { get; init; }

    public required Guid RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>"A4" or "Letter".</summary>
    public required string Paper { get; init; }

    public ExportState State { get; init; } = ExportState.Queued;

    public string? Owner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>How many times a node has claimed it.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the last attempt failed, in words for the user.</summary>
    public string? Error { get; init; }

    /// <summary>Download name, e.g. "Astronomer - Astro - security write-up - 2026-11-23 - A4.pdf".</summary>
    public required string FileName { get; init; }

    /// <summary>Lowercase hex SHA-256 of the PDF, once ready.</summary>
    public string? Sha256 { get; init; }

    public int? PageCount { get; init; }

    public long? SizeBytes { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
