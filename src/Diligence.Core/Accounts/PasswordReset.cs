namespace Diligence.Core.Accounts;

/// <summary>A one-time link that lets a user set a new password; only the SHA-256 of its token is stored.</summary>
public sealed record PasswordReset(
    Guid Id,
    string TokenHash,
    Guid UserId,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;
}
