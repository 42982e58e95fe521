using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

public sealed class SqlServerInvitationStoreContract : InvitationStoreContract
{
    protected override ITestDatabase CreateEmptyDatabase() => new SqlServerTestDatabase();
}
