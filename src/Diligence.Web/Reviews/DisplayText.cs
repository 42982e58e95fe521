using System.Globalization;
using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>How finding statuses, times and content hashes read on the review pages (review statuses: <see cref="StatusLabels"/>).</summary>
public static class DisplayText
{
    public static string Of(FindingStatus status) => status switch
    {
        FindingStatus.Open => "Open",
        FindingStatus.AcceptedRisk => "Accepted risk",
        FindingStatus.Remediated => "Remediated",
        _ => status.ToString(),
    };

    public static string When(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The first 12 characters of a content hash: enough to tell versions apart at a glance.</summary>
    public static string ShortHash(string hash) => hash.Length <= 12 ? hash : hash[..12];
}
