using Dapper;
using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

/// <summary>
/// The factory keeps its connections open between store calls (for SQLite's page cache and the statements compiled on
/// them), so what one caller leaves behind must never reach the next, and disposing the factory must release the file.
/// </summary>
public sealed class SqliteConnectionPoolTests : MigratedSqliteTest
{
    [Test]
    public async Task A_connection_handed_back_is_lent_again_to_the_next_caller()
    {
        var first = await Database.Connections.OpenAsync();
        first.Dispose();

        using var second = await Database.Connections.OpenAsync();

        Assert.That(second, Is.SameAs(first));
        Assert.That(second.State, Is.EqualTo(System.Data.ConnectionState.Open));
    }

    [Test]
    public async Task Connections_lent_at_the_same_time_are_different_even_after_a_double_dispose()
    {
        var connection = await Database.Connections.OpenAsync();
        connection.Dispose();
        connection.Dispose();

        using var one = await Database.Connections.OpenAsync();
        using var other = await Database.Connections.OpenAsync();

        Assert.That(other, Is.Not.SameAs(one));
    }

    [Test]
    public async Task A_connection_handed_back_inside_a_transaction_is_closed_so_its_uncommitted_work_goes_nowhere()
    {
        var vendor = TestData.Vendor();
        var abandoned = await Database.Connections.OpenAsync();
        await abandoned.ExecuteAsync("BEGIN IMMEDIATE");
        await abandoned.ExecuteAsync(
            "INSERT INTO vendors (id, name, created_at) VALUES (@Id, @Name, @CreatedAt)", new { vendor.Id, vendor.Name, vendor.CreatedAt });
        abandoned.Dispose();

        using var next = await Database.Connections.OpenAsync();

        Assert.That(next, Is.Not.SameAs(abandoned));
        Assert.That(abandoned.State, Is.EqualTo(System.Data.ConnectionState.Closed));
        Assert.That(await Database.Vendors.GetAsync(vendor.Id), Is.Null);
    }

    [Test]
    public async Task Disposing_the_factory_closes_every_kept_connection_so_sqlite_removes_its_wal_file()
    {
        await Database.Vendors.CreateAsync(TestData.Vendor());
        var wal = Database.Connections.DatabasePath + "-wal";
        Assert.That(wal, Does.Exist, "a write leaves the WAL file while connections are open");

        Database.Connections.Dispose();

        Assert.That(wal, Does.Not.Exist);
    }

    [Test]
    public async Task An_audited_save_on_a_reused_connection_chains_to_the_event_before_it()
    {
        var review = await Database.SeedReviewAsync();
        for (var version = 0; version < 3; version++)
        {
            await Database.Answers.SaveAsync(review.Id, "q.key", $"{{\"value\":\"{version}\"}}", version, review.OwnerId, TestData.Now,
                (_, saved) => TestData.AuditEntry($"save {saved.Version}"));
        }

        var verification = await Database.Audit.VerifyAsync();

        Assert.That((verification.IsIntact, verification.Count), Is.EqualTo((true, 3L)), verification.ToString());
    }
}
