using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

public sealed class SqlServerExportStoreContract : ExportStoreContract
{
    protected override IExportStore Exports => ((SqlServerTestDatabase)Database).Exports;

    protected override ITestDatabase CreateEmptyDatabase() => new SqlServerTestDatabase();
}
