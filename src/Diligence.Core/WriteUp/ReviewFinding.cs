using Diligence.Core.Definitions;
using Diligence.Core.Reviews;

namespace Diligence.Core.WriteUp;

/// <summary>A finding as the review records it: with the owner of its remediation and its status.</summary>
public sealed record ReviewFinding(FindingSeverity Severity, string Text, string? Owner = null, FindingStatus Status = FindingStatus.Open)
{
    /// <summary>What raised an automatic finding (<c>flag:key:option</c>, <c>rule:id</c>); null for one a person wrote.</summary>
    public string? SourceId { get; init; }

    /// <summary>The name of the person who wrote a manual finding, when known.</summary>
    public string? RaisedBy { get; init; }

    /// <summary>The stored findings a review still raises (withdrawn ones left out), for <see cref="ReviewFacts.Findings"/>.</summary>
    public static IReadOnlyList<ReviewFinding> FromStored(IEnumerable<Finding> findings, IReadOnlyDictionary<Guid, string>? people = null) =>
        [.. findings
            .Where(f => !f.Withdrawn)
            .Select(f => new ReviewFinding(
                Enum.TryParse<FindingSeverity>(f.Severity, ignoreCase: true, out var severity) ? severity : FindingSeverity.Info,
                f.Text,
                f.Owner,
                f.Status)
            {
                SourceId = f.Source == FindingSource.Manual ? null : f.SourceId,
                RaisedBy = f.RaisedBy is { } by ? people?.GetValueOrDefault(by) : null,
            })];
}
