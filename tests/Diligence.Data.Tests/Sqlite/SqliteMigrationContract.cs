using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteMigrationContract : MigrationContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();
}
