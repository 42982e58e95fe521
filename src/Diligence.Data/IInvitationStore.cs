using Diligence.Core.Vendors;

namespace Diligence.Data;

public interface IInvitationStore
{
    Task CreateAsync(VendorInvitation invitation, CancellationToken cancellationToken = default);

    Task<VendorInvitation?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<VendorInvitation?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>A vendor's invitations, newest first.</summary>
    Task<IReadOnlyList<VendorInvitation>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default);

    /// <summary>Revokes an unused invitation of that vendor; false when there is none.</summary>
    Task<bool> RevokeAsync(Guid id, Guid vendorId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes an open invitation for one sign-up, atomically, so two uses of one link cannot both succeed; false when it
    /// is used, revoked or expired at <paramref name="at"/>.
    /// </summary>
    Task<bool> ClaimAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Names the user a claimed invitation created.</summary>
    Task CompleteAsync(Guid id, Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back when the sign-up failed after it.</summary>
    Task ReleaseAsync(Guid id, CancellationToken cancellationToken = default);
}
