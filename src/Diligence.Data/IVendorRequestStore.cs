using Diligence.Core.Vendors;

namespace Diligence.Data;

public interface IVendorRequestStore
{
    /// <summary>Records (or replaces) what a review asks of its vendor.</summary>
    Task SaveAsync(VendorRequest request, CancellationToken cancellationToken = default);

    Task<VendorRequest?> GetAsync(Guid reviewId, CancellationToken cancellationToken = default);

    /// <summary>A vendor's requests, newest first.</summary>
    Task<IReadOnlyList<VendorRequest>> ListAsync(Guid vendorId, CancellationToken cancellationToken = default);
}
