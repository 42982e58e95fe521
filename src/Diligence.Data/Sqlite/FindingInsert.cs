namespace Diligence.Data.Sqlite;

/// <summary>The parameters of one new findings row.</summary>
internal sealed record FindingInsert(
    Guid Id,
    Guid ReviewId,
    string Source,
    string SourceId,
    string Severity,
    string Text,
    string? Owner,
    string Status,
    bool Withdrawn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? RaisedBy = null);
