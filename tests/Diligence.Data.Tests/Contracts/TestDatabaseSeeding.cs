using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Data.Tests.Contracts;

/// <summary>Stores <see cref="TestData"/> records through a test database's own stores, for tests that need them to exist.</summary>
internal static class TestDatabaseSeeding
{
    public static async Task<Vendor> SeedVendorAsync(this ITestDatabase database, string name = "Astronomer", string? product = "Astro")
    {
        var vendor = TestData.Vendor(name, product);
        await database.Vendors.CreateAsync(vendor);
        return vendor;
    }

    public static async Task<UserAccount> SeedUserAsync(this ITestDatabase database, string displayName = "Riley Reviewer")
    {
        var user = TestData.User(displayName: displayName);
        await database.Users.CreateAsync(user);
        return user;
    }

    public static async Task<StoredQuestionnaire> SeedQuestionnaireAsync(this ITestDatabase database)
    {
        var questionnaire = TestData.Questionnaire();
        await database.Questionnaires.PublishAsync(questionnaire);
        return questionnaire;
    }

    /// <summary>A stored review, with the vendor, owner and published questionnaire it needs.</summary>
    public static async Task<Review> SeedReviewAsync(this ITestDatabase database, ReviewStatus status = ReviewStatus.Draft)
    {
        var vendor = await database.SeedVendorAsync();
        var owner = await database.SeedUserAsync();
        var review = TestData.Review(vendor.Id, owner.Id, await database.SeedQuestionnaireAsync(), status);
        await database.Reviews.CreateAsync(review);
        return review;
    }
}
