using Diligence.Core.Definitions;
using Diligence.Load;

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
        using var seed = await LoadSeed.OpenAsync(dataDirectory);
        if (await seed.PublishAsync(questionnairePath) is not { } questionnaire)
        {
            return 1;
        }
        var vendor = await seed.AddVendorAsync("Load Test Vendor");

        // The first text item of the first step: always visible, so every save is a real save.
        var item = questionnaire.Steps[0].Items.OfType<AnswerableItem>()
            .First(i => i.Type is ItemType.Text or ItemType.Markdown && i.VisibleWhen is null);
        var lines = new List<string>();
        for (var client = 0; client < clients; client++)
        {
            var user = await seed.AddReviewerAsync($"load{client}@example.com", $"Load {client}", Password);
            var review = await seed.AddReviewAsync(questionnaire, vendor, user);
            lines.Add($"{user.Email} {review.Id} {item.Id} {item.Key} {questionnaire.Steps[0].Id}");
        }
        await File.WriteAllLinesAsync(Path.Combine(dataDirectory, "load-plan.txt"), lines);
        Console.WriteLine($"prepared {clients} clients saving '{item.Key}'");
        return 0;
    }
}
