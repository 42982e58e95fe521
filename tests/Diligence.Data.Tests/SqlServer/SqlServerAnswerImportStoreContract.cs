using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

public sealed class SqlServerAnswerImportStoreContract : AnswerImportStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqlServerTestDatabase();
}
