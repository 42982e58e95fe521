using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>Builders for the data a test needs, written through the real stores.</summary>
public static class TestData
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Publishes a fixture questionnaire (default: the one with every item type) and returns it.</summary>
    public static async Task<Questionnaire> PublishAsync(this TestApp app, string fixture = "workspace-test.yaml")
    {
        var yaml = await File.ReadAllTextAsync(FixturePath(fixture));
        var loaded = QuestionnaireLoader.Load(yaml, fixture);
        var questionnaire = loaded.Value ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        await app.Get<IQuestionnaireStore>().PublishAsync(new StoredQuestionnaire(
            questionnaire.Id, questionnaire.Version, questionnaire.ContentHash, questionnaire.Title, yaml, DateTimeOffset.UtcNow));
        return questionnaire;
    }

    public static async Task<Vendor> CreateVendorAsync(this TestApp app, string name = "Acme")
    {
        var vendor = new Vendor(Guid.NewGuid(), name, "Acme Cloud", "https://acme.example", null, DateTimeOffset.UtcNow);
        await app.Get<IVendorStore>().CreateAsync(vendor);
        return vendor;
    }

    /// <summary>A draft review of a new vendor on the fixture questionnaire.</summary>
    public static async Task<Review> CreateReviewAsync(this TestApp app, Guid ownerId, string fixture = "workspace-test.yaml")
    {
        var questionnaire = await app.PublishAsync(fixture);
        var vendor = await app.CreateVendorAsync();
        var now = DateTimeOffset.UtcNow;
        var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            ReviewStatus.Draft, ownerId, null, null, null, now, now, 1);
        await app.Get<IReviewStore>().CreateAsync(review);
        return review;
    }
}
