using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

public sealed class SqlServerUserStoreContract : UserStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqlServerTestDatabase();
}
