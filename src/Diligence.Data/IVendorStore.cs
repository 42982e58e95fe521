using Diligence.Core.Vendors;

namespace Diligence.Data;

public interface IVendorStore
{
    Task CreateAsync(Vendor vendor, CancellationToken cancellationToken = default);

    Task<Vendor?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>All vendors by name.</summary>
    Task<IReadOnlyList<Vendor>> ListAsync(CancellationToken cancellationToken = default);
}
