using Testcontainers.MsSql;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>
/// One SQL Server container for the whole test run, started on first use; each test gets its own database in it.
/// Without a Docker engine every SQL Server test is reported as skipped, never as passed.
/// </summary>
[SetUpFixture]
public sealed class SqlServerContainer
{
    public const string NoDocker = "no Docker engine";

    private static readonly SemaphoreSlim _start = new(1, 1);
    private static MsSqlContainer? _container;

    /// <summary>A connection string to the server's master database; ignores the calling test when Docker is absent.</summary>
    public static string MasterConnectionString()
    {
        if (!DockerEngine.IsReachable)
        {
            Assert.Ignore(NoDocker);
        }
        _start.Wait();
        try
        {
            if (_container is null)
            {
                var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
                container.StartAsync().GetAwaiter().GetResult();
                _container = container;
            }
            return _container.GetConnectionString();
        }
        finally
        {
            _start.Release();
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            _container = null;
        }
    }
}
