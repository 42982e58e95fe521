using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteUserStoreContract : UserStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();
}
