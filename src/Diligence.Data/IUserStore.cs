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

    /// <summary>Counts one more failed sign-in and, when <paramref name="lockUntil"/> is given, locks until then; returns the new count.</summary>
    Task<int> RecordFailedSignInAsync(Guid id, DateTimeOffset? lockUntil, CancellationToken cancellationToken = default);

    /// <summary>Sets the failed sign-in count to zero and lifts any lock.</summary>
    Task ResetFailedSignInsAsync(Guid id, CancellationToken cancellationToken = default);
}
