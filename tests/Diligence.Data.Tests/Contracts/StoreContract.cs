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

    protected async Task<Vendor> SeedVendorAsync(string name = "Astronomer", string? product = "Astro")
    {
        var vendor = TestData.Vendor(name, product);
        await Database.Vendors.CreateAsync(vendor);
        return vendor;
    }

    protected async Task<UserAccount> SeedUserAsync(string displayName = "Riley Reviewer")
    {
        var user = TestData.User(displayName: displayName);
        await Database.Users.CreateAsync(user);
        return user;
    }

    protected async Task<StoredQuestionnaire> SeedQuestionnaireAsync()
    {
        var questionnaire = TestData.Questionnaire();
        await Database.Questionnaires.PublishAsync(questionnaire);
        return questionnaire;
    }

    /// <summary>A stored review, with the vendor, owner and published questionnaire it needs.</summary>
    protected async Task<Review> SeedReviewAsync(ReviewStatus status = ReviewStatus.Draft)
    {
        var vendor = await SeedVendorAsync();
        var owner = await SeedUserAsync();
        var review = TestData.Review(vendor.Id, owner.Id, await SeedQuestionnaireAsync(), status);
        await Database.Reviews.CreateAsync(review);
        return review;
    }
}
