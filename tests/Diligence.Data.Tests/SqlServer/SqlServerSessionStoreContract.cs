using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

public sealed class SqlServerSessionStoreContract : SessionStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqlServerTestDatabase();
}
