using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>The findings that still need attention: raised by the current answers (not withdrawn) and open.</summary>
public static class OpenFindings
{
    /// <summary>Counts per severity, most severe first, severities without open findings left out.</summary>
    public static IReadOnlyList<SeverityCount> BySeverity(IEnumerable<Finding> findings)
    {
        var open = findings.Where(f => !f.Withdrawn && f.Status == FindingStatus.Open).ToList();
        return FindingSeverities.All
            .Select(severity => new SeverityCount(severity, open.Count(f => f.Severity == severity)))
            .Where(c => c.Count > 0)
            .ToList();
    }
}
