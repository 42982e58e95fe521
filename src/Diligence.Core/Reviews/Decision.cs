namespace Diligence.Core.Reviews;

public enum Decision
{
    Approve,
    ApproveWithConditions,
    Reject,
}
