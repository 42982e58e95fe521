using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

/// <summary>A findings row as SQLite returns it (64-bit integers); Dapper fills properties, converting as needed.</summary>
internal sealed class FindingRow
{
    public Guid Id { get; init; }

    public Guid ReviewId { get; init; }

    public FindingSource Source { get; init; }

    public string? SourceId { get; init; }

    public string Severity { get; init; } = "";

    public string Text { get; init; } = "";

    public string? Owner { get; init; }

    public FindingStatus Status { get; init; }

    public bool Withdrawn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }

    public Guid? RaisedBy { get; init; }

    public Finding ToFinding() =>
        new(Id, ReviewId, Source, SourceId, Severity, Text, Owner, Status, Withdrawn, CreatedAt, UpdatedAt, Version, RaisedBy);
}
