namespace Diligence.Core.Reviews;

public enum FindingStatus
{
    Open,
    AcceptedRisk,
    Remediated,
}
