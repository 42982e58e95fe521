using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>How statuses and decisions read on a page.</summary>
public static class StatusLabels
{
    public static string For(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "Draft",
        ReviewStatus.AwaitingVendor => "Awaiting vendor",
        ReviewStatus.InReview => "In review",
        ReviewStatus.ReadyForCommittee => "Ready for committee",
        ReviewStatus.Decided => "Decided",
        _ => status.ToString(),
    };

    /// <summary>The badge class that colours a status, so a list of reviews reads at a glance.</summary>
    public static string BadgeClass(ReviewStatus status) => "badge status-" + status.ToString().ToLowerInvariant();

    public static string For(Decision decision) => decision switch
    {
        Decision.Approve => "Approved",
        Decision.ApproveWithConditions => "Approved with conditions",
        Decision.Reject => "Rejected",
        _ => decision.ToString(),
    };
}
