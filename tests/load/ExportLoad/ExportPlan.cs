using Diligence.Load;

namespace ExportLoad;

/// <summary>Seeds a fresh data folder with the reviewer who requests the exports, written straight through the store.</summary>
public static class ExportPlan
{
    public const string Email = "exports@example.com";
    public const string Password = "load test password 1234";

    public static async Task<int> PrepareAsync(string dataDirectory)
    {
        using var seed = await LoadSeed.OpenAsync(dataDirectory);
        await seed.AddReviewerAsync(Email, "Export Load", Password);
        Console.WriteLine($"prepared reviewer {Email}");
        return 0;
    }
}
