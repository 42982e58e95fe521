using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Data.Tests.Contracts;

/// <summary>
/// Base of every store contract: each test gets a fresh, migrated database of the provider the sealed subclass names.
/// </summary>
public abstract class StoreContract
{
    private ITestDatabase? _database;

    protected ITestDatabase Database => _database ?? throw new InvalidOperationException("The database is created per test.");

    /// <summary>A new, empty, unmigrated database of the provider under test.</summary>
    protected abstract ITestDatabase CreateEmptyDatabase();

    [SetUp]
    public async Task CreateMigratedDatabase()
    {
        _database = CreateEmptyDatabase();
        await _database.Migrations.MigrateAsync();
    }

    [TearDown]
    public void DropDatabase()
    {
        _database?.Dispose();
        _database = null;
    }

    protected Task<Vendor> SeedVendorAsync(string name = "Astronomer", string? product = "Astro") =>
        Database.SeedVendorAsync(name, product);

    protected Task<UserAccount> SeedUserAsync(string displayName = "Riley Reviewer") => Database.SeedUserAsync(displayName);

    protected Task<StoredQuestionnaire> SeedQuestionnaireAsync() => Database.SeedQuestionnaireAsync();

    /// <summary>A stored review, with the vendor, owner and published questionnaire it needs.</summary>
    protected Task<Review> SeedReviewAsync(ReviewStatus status = ReviewStatus.Draft) => Database.SeedReviewAsync(status);
}
