using System.Globalization;
using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>How statuses, decisions and times read on the review pages.</summary>
public static class DisplayText
{
    public static string Of(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "Draft",
        ReviewStatus.AwaitingVendor => "Awaiting vendor",
        ReviewStatus.InReview => "In review",
        ReviewStatus.ReadyForCommittee => "Ready for committee",
        ReviewStatus.Decided => "Decided",
        _ => status.ToString(),
    };

    public static string Of(Decision decision) => decision switch
    {
        Decision.Approve => "Approve",
        Decision.ApproveWithConditions => "Approve with conditions",
        Decision.Reject => "Reject",
        _ => decision.ToString(),
    };

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
