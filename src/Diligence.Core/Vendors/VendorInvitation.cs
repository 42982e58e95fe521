namespace Diligence.Core.Vendors;

/// <summary>
/// A single-use link that lets one contact become a vendor user. Only the SHA-256 of the token is kept.
/// </summary>
public sealed record VendorInvitation(
    Guid Id,
    Guid VendorId,
    string Email,
    string TokenHash,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? UsedAt,
    Guid? UsedBy)
{
    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : UsedAt is not null ? InvitationState.Used
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;
}
