namespace Diligence.Data.Sqlite;

/// <summary>The parameters of one new findings row.</summary>
internal sealed record FindingInsert(
    Guid Id,
    Guid ReviewId,
    string Source,
    string? SourceId,
    string Severity,
    string Text,
    string? Owner,
    string Status,
    bool Withdrawn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? RaisedBy = null)
{
    /// <summary>A finding taken into a re-assessment: a new id, everything else as it was, changed <paramref name="at"/>.</summary>
    public static FindingInsert CarriedForward(FindingRow finding, Guid reviewId, DateTimeOffset at) =>
        new(Guid.CreateVersion7(at), reviewId, finding.Source.ToString(), finding.SourceId, finding.Severity, finding.Text,
            finding.Owner, finding.Status.ToString(), false, finding.CreatedAt, at, finding.RaisedBy);
}
