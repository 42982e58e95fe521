namespace Diligence.Core.Reviews;

public enum ReviewStatus
{
    Draft,
    AwaitingVendor,
    InReview,
    ReadyForCommittee,
    Decided,
}
