using Diligence.Core.Accounts;
using Diligence.Core.Audit;

namespace Diligence.Data;

/// <summary>Server-side sessions, and the one-time password reset links that end them.</summary>
public interface ISessionStore
{
    /// <summary>Stores a new session; <paramref name="audit"/>, when given (the sign-in), is appended in the same transaction.</summary>
    Task CreateAsync(UserSession session, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>The session whose token has that SHA-256, ended or not, with its user; null when there is none.</summary>
    Task<SessionAndUser?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The user's sessions not ended and not past their absolute limit at <paramref name="at"/>, newest first.</summary>
    Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records that the session was used at <paramref name="at"/>.</summary>
    Task TouchAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends one open session of that user, with <paramref name="audit"/> (when given) in the same transaction; false, and
    /// nothing written, when the user has no such open session.
    /// </summary>
    Task<bool> EndAsync(Guid id, Guid userId, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>Ends every open session of the user but <see cref="SessionEnding.Except"/>, with <paramref name="audit"/> in the same transaction; returns how many.</summary>
    Task<int> EndAllAsync(Guid userId, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a new reset link; <paramref name="audit"/>, when given, is appended in the same transaction.</summary>
    Task CreatePasswordResetAsync(PasswordReset reset, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    Task<PasswordReset?> FindPasswordResetAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses an unused, unexpired reset at <paramref name="at"/>: in one transaction marks it used, sets the user's
    /// password hash, ends all the user's sessions and appends <paramref name="audit"/>. False, and nothing written, when
    /// the reset was used or has expired, so one link cannot be used twice.
    /// </summary>
    Task<bool> CompletePasswordResetAsync(
        Guid resetId, string passwordHash, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default);
}
