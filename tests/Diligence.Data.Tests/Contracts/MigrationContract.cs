namespace Diligence.Data.Tests.Contracts;

/// <summary>Migrations and durability; unlike the store contracts, each test starts from an unmigrated database.</summary>
public abstract class MigrationContract
{
    private ITestDatabase? _database;

    private ITestDatabase Database => _database ?? throw new InvalidOperationException("The database is created per test.");

    /// <summary>A new, empty, unmigrated database of the provider under test.</summary>
    protected abstract ITestDatabase CreateEmptyDatabase();

    [SetUp]
    public void CreateDatabase() => _database = CreateEmptyDatabase();

    [TearDown]
    public void DropDatabase()
    {
        _database?.Dispose();
        _database = null;
    }

    [Test]
    public void Every_provider_ships_numbered_migrations_starting_with_the_initial_schema() =>
        Assert.That(Database.Migrations.Available, Has.Count.GreaterThan(0).And.Some.EqualTo("0001_initial"));

    [Test]
    public async Task An_unmigrated_database_is_reachable_but_not_current()
    {
        var status = await Database.Migrations.GetStatusAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.Reachable, Is.True);
            Assert.That(status.Applied, Is.Empty);
            Assert.That(status.Pending, Is.EqualTo(Database.Migrations.Available));
            Assert.That(status.Healthy, Is.False);
        }
    }

    [Test]
    public async Task Migrating_applies_every_migration_and_records_it()
    {
        var applied = await Database.Migrations.MigrateAsync();

        var status = await Database.Migrations.GetStatusAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(applied, Is.EqualTo(Database.Migrations.Available));
            Assert.That(status.Applied, Is.EqualTo(Database.Migrations.Available));
            Assert.That(status.Healthy, Is.True);
        }
    }

    [Test]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        await Database.Migrations.MigrateAsync();
        var vendor = TestData.Vendor();
        await Database.Vendors.CreateAsync(vendor);

        var appliedAgain = await Database.Migrations.MigrateAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(appliedAgain, Is.Empty);
            Assert.That((await Database.Migrations.GetStatusAsync()).Applied, Is.EqualTo(Database.Migrations.Available));
            Assert.That(await Database.Vendors.GetAsync(vendor.Id), Is.EqualTo(vendor));
        }
    }

    [Test]
    public async Task Data_and_migration_records_survive_closing_and_reopening_the_database()
    {
        await Database.Migrations.MigrateAsync();
        var vendor = TestData.Vendor();
        var user = TestData.User();
        await Database.Vendors.CreateAsync(vendor);
        await Database.Users.CreateAsync(user);

        Database.Reopen();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Database.Migrations.GetStatusAsync()).Healthy, Is.True);
            Assert.That(await Database.Migrations.MigrateAsync(), Is.Empty);
            Assert.That(await Database.Vendors.GetAsync(vendor.Id), Is.EqualTo(vendor));
            Assert.That(await Database.Users.FindByEmailAsync(user.Email), Is.EqualTo(user));
        }
    }
}
