using Diligence.Core.Audit;
using Diligence.Core.Vendors;

namespace Diligence.Data;

public interface IVendorStore
{
    /// <summary>Stores a new vendor; <paramref name="audit"/>, when given, is appended in the same transaction.</summary>
    Task CreateAsync(Vendor vendor, AuditEntry? audit = null, CancellationToken cancellationToken = default);

    Task<Vendor?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>All vendors by name.</summary>
    Task<IReadOnlyList<Vendor>> ListAsync(CancellationToken cancellationToken = default);
}
