using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>Setting up what the form journeys start from: a vendor of their own and its review, made through the pages.</summary>
internal static class ReviewerPages
{
    /// <summary>Adds a vendor of its own (no library answers, so its review starts empty) and returns its name.</summary>
    public static async Task<string> AddVendorAsync(IPage page)
    {
        var name = $"Vendor {Guid.NewGuid().ToString("N")[..8]}";
        await page.GotoAsync("/vendors/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add vendor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        return name;
    }

    /// <summary>A review of a new vendor of its own; returns the review's overview path.</summary>
    public static async Task<string> StartEmptyReviewAsync(IPage page) =>
        await UserActions.StartReviewAsync(page, await AddVendorAsync(page));
}
