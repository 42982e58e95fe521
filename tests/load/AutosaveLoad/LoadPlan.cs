using Diligence.Core.Accounts;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Microsoft.AspNetCore.Identity;

namespace AutosaveLoad;

/// <summary>
/// Seeds a fresh data folder with one reviewer and one review per client, written straight through the stores,
/// so the load measures autosave and nothing else. The plan file lists "email review-id item-id" per client.
/// </summary>
public static class LoadPlan
{
    public const string Password = "load test password 1234";

    public static async Task<int> PrepareAsync(string dataDirectory, string questionnairePath, int clients)
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
        var vendor = new Vendor(Guid.NewGuid(), "Load Test Vendor", null, null, null, DateTimeOffset.UtcNow);
        await storage.Vendors.CreateAsync(vendor);

        // The first text item of the first step: always visible, so every save is a real save.
        var item = questionnaire.Steps[0].Items.OfType<AnswerableItem>()
            .First(i => i.Type is ItemType.Text or ItemType.Markdown && i.VisibleWhen is null);
        var hasher = new PasswordHasher<UserAccount>();
        var lines = new List<string>();
        for (var client = 0; client < clients; client++)
        {
            var user = new UserAccount(Guid.NewGuid(), $"load{client}@example.com", $"Load {client}", "", Role.Reviewer,
                null, false, DateTimeOffset.UtcNow);
            user = user with { PasswordHash = hasher.HashPassword(user, Password) };
            await storage.Users.CreateAsync(user);
            var now = DateTimeOffset.UtcNow;
            var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
                ReviewStatus.InReview, user.Id, null, null, null, now, now, 1);
            await storage.Reviews.CreateAsync(review);
            lines.Add($"{user.Email} {review.Id} {item.Id} {item.Key} {questionnaire.Steps[0].Id}");
        }
        await File.WriteAllLinesAsync(Path.Combine(dataDirectory, "load-plan.txt"), lines);
        Console.WriteLine($"prepared {clients} clients saving '{item.Key}'");
        return 0;
    }
}
