namespace Diligence.Core.Vendors;

public enum InvitationState
{
    Open,
    Used,
    Expired,
    Revoked,
}
