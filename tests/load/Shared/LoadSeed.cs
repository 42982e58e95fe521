using Diligence.Core.Accounts;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Microsoft.AspNetCore.Identity;

namespace Diligence.Load;

/// <summary>
/// What the load scripts seed straight through the stores before the app starts, so a run measures its own requests and
/// nothing else: the migrated database, the questionnaire, a vendor, reviewers and their reviews.
/// </summary>
public sealed class LoadSeed(SqliteStorage storage) : IDisposable
{
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public static async Task<LoadSeed> OpenAsync(string dataDirectory)
    {
        var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        await storage.Migrations.MigrateAsync();
        return new LoadSeed(storage);
    }

    /// <summary>Publishes the questionnaire at <paramref name="path"/>; null, with its diagnostics printed, when it does not load.</summary>
    public async Task<Questionnaire?> PublishAsync(string path)
    {
        var loaded = QuestionnaireLoader.LoadFile(path);
        if (loaded.Value is not { } questionnaire)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, loaded.Diagnostics));
            return null;
        }
        await storage.Questionnaires.PublishAsync(new StoredQuestionnaire(questionnaire.Id, questionnaire.Version,
            questionnaire.ContentHash, questionnaire.Title, await File.ReadAllTextAsync(path), DateTimeOffset.UtcNow));
        return questionnaire;
    }

    public async Task<Vendor> AddVendorAsync(string name)
    {
        var vendor = new Vendor(Guid.NewGuid(), name, null, null, null, DateTimeOffset.UtcNow);
        await storage.Vendors.CreateAsync(vendor);
        return vendor;
    }

    public async Task<UserAccount> AddReviewerAsync(string email, string name, string password)
    {
        var user = new UserAccount(Guid.NewGuid(), email, name, "", Role.Reviewer, null, false, DateTimeOffset.UtcNow);
        user = user with { PasswordHash = _hasher.HashPassword(user, password) };
        await storage.Users.CreateAsync(user);
        return user;
    }

    /// <summary>A review in progress, owned by <paramref name="owner"/>.</summary>
    public async Task<Review> AddReviewAsync(Questionnaire questionnaire, Vendor vendor, UserAccount owner)
    {
        var now = DateTimeOffset.UtcNow;
        var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            ReviewStatus.InReview, owner.Id, null, null, null, now, now, 1);
        await storage.Reviews.CreateAsync(review);
        return review;
    }

    public void Dispose() => storage.Dispose();
}
