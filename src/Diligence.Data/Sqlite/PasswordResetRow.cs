using Diligence.Core.Accounts;

namespace Diligence.Data.Sqlite;

/// <summary>A password_resets row as the providers return it.</summary>
internal sealed class PasswordResetRow
{
    public Guid Id { get; init; }

    public string TokenHash { get; init; } = "";

    public Guid UserId { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public PasswordReset ToReset() => new(Id, TokenHash, UserId, CreatedBy, CreatedAt, ExpiresAt, UsedAt);
}
