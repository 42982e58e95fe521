using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Vendors;

namespace Diligence.Data;

public interface IInvitationStore
{
    /// <summary>Stores a new invitation; <paramref name="audit"/>, when given, is appended in the same transaction.</summary>
    Task CreateAsync(VendorInvitation invitation, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    Task<VendorInvitation?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<VendorInvitation?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>A vendor's invitations, newest first.</summary>
    Task<IReadOnlyList<VendorInvitation>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes an unused invitation of that vendor, with <paramref name="audit"/> (when given) in the same transaction;
    /// false, and nothing written, when there is none.
    /// </summary>
    Task<bool> RevokeAsync(Guid id, Guid vendorId, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses an open invitation to create <paramref name="account"/>, in one transaction: the invitation is marked used by
    /// that account and the account is inserted, or neither happens. False (nothing written) when the invitation is used,
    /// revoked or expired at <paramref name="at"/>, so two uses of one link cannot both succeed; a taken e-mail throws
    /// <see cref="DuplicateEmailException"/> and leaves the invitation open. <paramref name="audit"/>, when given, is
    /// appended in that transaction.
    /// </summary>
    Task<bool> AcceptAsync(Guid id, UserAccount account, DateTimeOffset at, AuditEntry? audit = null, CancellationToken cancellationToken = default);
}
