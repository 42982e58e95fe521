using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteAnswerStoreContract : AnswerStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();
}
