namespace Diligence.Data.Tests.Sqlite;

/// <summary>A test class whose every test starts on its own migrated SQLite file, deleted afterwards.</summary>
public abstract class MigratedSqliteTest
{
    protected SqliteTestDatabase Database { get; private set; } = null!;

    [SetUp]
    public async Task CreateMigratedDatabase()
    {
        Database = new SqliteTestDatabase();
        await Database.Migrations.MigrateAsync();
    }

    [TearDown]
    public void DropDatabase() => Database.Dispose();
}
