using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteReviewStoreContract : ReviewStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();
}
