using BenchmarkDotNet.Attributes;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Diligence.Web.Accounts;

namespace Diligence.Benchmarks;

/// <summary>
/// What the server-side session costs each request: the session-with-user lookup every signed-in request makes, against
/// reading one user by id, which is the least a cached lookup invalidated across nodes (a per-user generation read)
/// would still cost.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AppRuntimeConfig))]
public class SessionLookupBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "diligence-bench", Guid.NewGuid().ToString("N"));
    private SqliteStorage _storage = null!;
    private Guid _userId;
    private string _tokenHash = "";

    [GlobalSetup]
    public async Task Seed()
    {
        _storage = new SqliteStorage(new StorageOptions { DataDirectory = _directory });
        await _storage.Migrations.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        // A team's worth of users, each signed in a few times, so the lookup runs over a realistic table.
        for (var i = 0; i < 200; i++)
        {
            var user = new UserAccount(Guid.NewGuid(), $"user{i}@example.com", $"User {i}", "hash", Role.Reviewer, null, false, now);
            await _storage.Users.CreateAsync(user);
            for (var s = 0; s < 5; s++)
            {
                var hash = SecretTokens.HashOf(SecretTokens.New());
                await _storage.Sessions.CreateAsync(new UserSession(
                    Guid.NewGuid(), hash, user.Id, now, now, now.AddHours(12), "127.0.0.1", "Mozilla/5.0", null, null));
                (_userId, _tokenHash) = (user.Id, hash);
            }
        }
    }

    [GlobalCleanup]
    public void Stop()
    {
        _storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<UserAccount?> UserById() => _storage.Users.GetAsync(_userId);

    [Benchmark]
    public Task<SessionAndUser?> SessionWithUser() => _storage.Sessions.FindByTokenHashAsync(_tokenHash);
}
