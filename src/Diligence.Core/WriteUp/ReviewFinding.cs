using Diligence.Core.Definitions;
using Diligence.Core.Reviews;

namespace Diligence.Core.WriteUp;

/// <summary>A finding as the review records it: with the owner of its remediation and its status.</summary>
public sealed record ReviewFinding(FindingSeverity Severity, string Text, string? Owner = null, FindingStatus Status = FindingStatus.Open)
{
    /// <summary>The stored findings a review still raises (withdrawn ones left out), for <see cref="ReviewFacts.Findings"/>.</summary>
    public static IReadOnlyList<ReviewFinding> FromStored(IEnumerable<Finding> findings) =>
        [.. findings
            .Where(f => !f.Withdrawn)
            .Select(f => new ReviewFinding(
                Enum.TryParse<FindingSeverity>(f.Severity, ignoreCase: true, out var severity) ? severity : FindingSeverity.Info,
                f.Text,
                f.Owner,
                f.Status))];
}
