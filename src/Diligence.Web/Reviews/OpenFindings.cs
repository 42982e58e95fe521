using Diligence.Core.Reviews;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>The findings that still need attention: raised by the current answers (not withdrawn) and open.</summary>
public static class OpenFindings
{
    /// <summary>Counts per severity, most severe first, severities without open findings left out.</summary>
    public static IReadOnlyList<SeverityCount> BySeverity(IEnumerable<Finding> findings) =>
        MostSevereFirst(findings.Where(IsOpen).CountBy(f => f.Severity, StringComparer.Ordinal));

    public static bool IsOpen(Finding finding) => !finding.Withdrawn && finding.Status == FindingStatus.Open;

    /// <summary>The open findings themselves, most severe first.</summary>
    public static IEnumerable<Finding> MostSevereFirst(IEnumerable<Finding> findings) =>
        findings.Where(IsOpen).OrderBy(f => FindingSeverities.All.TakeWhile(s => s != f.Severity).Count());

    /// <summary>The same from the counts a store made (<see cref="IFindingStore.CountOpenAsync"/>).</summary>
    public static IReadOnlyList<SeverityCount> BySeverity(IEnumerable<OpenFindingCount> counts) =>
        MostSevereFirst(counts.Select(c => new KeyValuePair<string, int>(c.Severity, c.Count)));

    private static List<SeverityCount> MostSevereFirst(IEnumerable<KeyValuePair<string, int>> counts)
    {
        var bySeverity = counts.ToDictionary(StringComparer.Ordinal);
        return [.. FindingSeverities.All.Where(s => bySeverity.GetValueOrDefault(s) > 0).Select(s => new SeverityCount(s, bySeverity[s]))];
    }
}
