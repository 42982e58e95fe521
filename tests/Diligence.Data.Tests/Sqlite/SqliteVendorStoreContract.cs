using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteVendorStoreContract : VendorStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();
}
