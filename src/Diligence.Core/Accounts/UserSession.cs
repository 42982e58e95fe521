namespace Diligence.Core.Accounts;

/// <summary>
/// One sign-in of one user, as stored: the cookie carries a random id whose SHA-256 is <paramref name="TokenHash"/>.
/// It ends when <paramref name="EndedAt"/> is set, at <paramref name="ExpiresAt"/> (its absolute limit), or when left
/// idle longer than the configured sliding time after <paramref name="LastSeenAt"/>.
/// </summary>
public sealed record UserSession(
    Guid Id,
    string TokenHash,
    Guid UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt,
    string? ClientAddress,
    string? UserAgent,
    DateTimeOffset? EndedAt,
    string? EndedReason)
{
    /// <summary>Null while the session may be used at <paramref name="now"/>; otherwise why it may not.</summary>
    public string? EndReasonAt(DateTimeOffset now, TimeSpan idle) =>
        EndedAt is not null ? EndedReason ?? SessionEndReasons.SignedOut
        : now >= ExpiresAt ? SessionEndReasons.Expired
        : now - LastSeenAt > idle ? SessionEndReasons.Idle
        : null;
}
