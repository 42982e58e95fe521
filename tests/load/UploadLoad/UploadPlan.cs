using Diligence.Load;

namespace UploadLoad;

/// <summary>Seeds a fresh data folder with one reviewer and one review to import into; the plan file holds "email review-id".</summary>
public static class UploadPlan
{
    public const string Password = "upload test password 1234";

    public static async Task<int> PrepareAsync(string dataDirectory, string questionnairePath)
    {
        using var seed = await LoadSeed.OpenAsync(dataDirectory);
        if (await seed.PublishAsync(questionnairePath) is not { } questionnaire)
        {
            return 1;
        }
        var vendor = await seed.AddVendorAsync("Upload Test Vendor");
        var user = await seed.AddReviewerAsync("uploads@example.com", "Uploads", Password);
        var review = await seed.AddReviewAsync(questionnaire, vendor, user);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "upload-plan.txt"), $"{user.Email} {review.Id}");
        return 0;
    }
}
