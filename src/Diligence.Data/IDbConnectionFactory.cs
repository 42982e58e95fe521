using System.Data.Common;

namespace Diligence.Data;

/// <summary>Opens one ready-to-use connection per unit of work.</summary>
public interface IDbConnectionFactory
{
    /// <summary>One of <see cref="StorageProviders"/>; selects the migration scripts.</summary>
    string Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
