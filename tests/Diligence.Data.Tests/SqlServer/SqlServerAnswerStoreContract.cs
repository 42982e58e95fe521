using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

public sealed class SqlServerAnswerStoreContract : AnswerStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqlServerTestDatabase();
}
