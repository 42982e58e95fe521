using Diligence.Core.Accounts;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Microsoft.AspNetCore.Identity;

namespace UploadLoad;

/// <summary>Seeds a fresh data folder with one reviewer and one review to import into; the plan file holds "email review-id".</summary>
public static class UploadPlan
{
    public const string Password = "upload test password 1234";

    public static async Task<int> PrepareAsync(string dataDirectory, string questionnairePath)
    {
        var loaded = QuestionnaireLoader.LoadFile(questionnairePath);
        if (loaded.Value is not { } questionnaire)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, loaded.Diagnostics));
            return 1;
        }
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        await storage.Migrations.MigrateAsync();
        await storage.Questionnaires.PublishAsync(new StoredQuestionnaire(questionnaire.Id, questionnaire.Version,
            questionnaire.ContentHash, questionnaire.Title, await File.ReadAllTextAsync(questionnairePath), DateTimeOffset.UtcNow));
        var vendor = new Vendor(Guid.NewGuid(), "Upload Test Vendor", null, null, null, DateTimeOffset.UtcNow);
        await storage.Vendors.CreateAsync(vendor);
        var user = new UserAccount(Guid.NewGuid(), "uploads@example.com", "Uploads", "", Role.Reviewer, null, false, DateTimeOffset.UtcNow);
        user = user with { PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, Password) };
        await storage.Users.CreateAsync(user);
        var now = DateTimeOffset.UtcNow;
        var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            ReviewStatus.InReview, user.Id, null, null, null, now, now, 1);
        await storage.Reviews.CreateAsync(review);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "upload-plan.txt"), $"{user.Email} {review.Id}");
        return 0;
    }
}
