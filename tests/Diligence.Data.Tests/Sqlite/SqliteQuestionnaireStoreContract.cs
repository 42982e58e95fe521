using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

public sealed class SqliteQuestionnaireStoreContract : QuestionnaireStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqliteTestDatabase();
}
