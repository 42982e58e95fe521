using Diligence.Core.Accounts;
using Diligence.Core.Audit;

namespace Diligence.Data;

public interface IUserStore
{
    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new account; throws <see cref="DuplicateEmailException"/> when the e-mail (any case) is taken.
    /// <paramref name="audit"/>, when given, is appended in the same transaction.
    /// </summary>
    Task CreateAsync(UserAccount account, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    Task<UserAccount?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Case-insensitive.</summary>
    Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>All accounts by e-mail.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves display name, password hash, role, vendor and disabled; throws <see cref="KeyNotFoundException"/> when missing.
    /// <paramref name="audit"/>, when given, is appended in the same transaction.
    /// </summary>
    Task UpdateAsync(UserAccount account, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves as <see cref="UpdateAsync"/> and ends the user's open sessions as <paramref name="ending"/> says, with
    /// <paramref name="audit"/>, all in one transaction: a role, password or disabled change reaches every session at once.
    /// </summary>
    Task UpdateEndingSessionsAsync(
        UserAccount account, SessionEnding ending, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one more failed sign-in for the e-mail address tried, whether or not an account has it, from
    /// <paramref name="client"/>, forgetting failures older than <see cref="SignInBackoff.Memory"/>; returns until when
    /// that address from that client must wait, by <paramref name="backoff"/>, or null.
    /// </summary>
    Task<DateTimeOffset?> RecordFailedSignInAsync(
        string email, string client, SignInBackoff backoff, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Until when sign-in with <paramref name="email"/> from <paramref name="client"/> must wait, or null.</summary>
    Task<DateTimeOffset?> SignInBlockedUntilAsync(string email, string client, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Forgets the failed sign-ins of <paramref name="email"/> from <paramref name="client"/>, after it signed in.</summary>
    Task ClearFailedSignInsAsync(string email, string client, CancellationToken cancellationToken = default);
}
