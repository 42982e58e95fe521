using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

internal sealed class InvitationRow
{
    public Guid Id { get; init; }

    public Guid VendorId { get; init; }

    public string Email { get; init; } = "";

    public string TokenHash { get; init; } = "";

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public Guid? UsedBy { get; init; }

    public VendorInvitation ToInvitation() =>
        new(Id, VendorId, Email, TokenHash, CreatedBy, CreatedAt, ExpiresAt, RevokedAt, UsedAt, UsedBy);
}
