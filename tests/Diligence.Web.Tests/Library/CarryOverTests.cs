using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>A new questionnaire version: library answers carry over by key, and new keys are new questions for the vendor.</summary>
public sealed class CarryOverTests
{
    private const string NewPrompt = "Which new control does this version ask about?";

    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Diligence.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        var yaml = (await File.ReadAllTextAsync(Path.Combine(root, "questionnaires", "vendor-security-diligence.yaml")))
            .Replace("version: 1.0.0", "version: 1.1.0", StringComparison.Ordinal);
        var firstItems = yaml.IndexOf("    items:\n", StringComparison.Ordinal) + "    items:\n".Length;
        yaml = yaml.Insert(firstItems, $"      - id: new-control\n        key: workload.new-control\n        type: text\n        prompt: {NewPrompt}\n        audience: [vendor, reviewer]\n\n");
        var loaded = QuestionnaireLoader.Load(yaml, "v1.1.0");
        var questionnaire = loaded.Value ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        await _app.Get<IQuestionnaireStore>().PublishAsync(new StoredQuestionnaire(
            questionnaire.Id, questionnaire.Version, questionnaire.ContentHash, questionnaire.Title, yaml, DateTimeOffset.UtcNow));
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task The_library_opens_on_the_new_version_with_its_answers_and_lists_the_new_questions()
    {
        var vendor = await _app.FindAsync("Astral");
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        var portal = await client.GetStringAsync("/portal");
        Assert.That(portal, Does.Contain("Vendor security diligence 1.1.0"));
        Assert.That(portal, Does.Contain("New questions for you").And.Contain(NewPrompt));
        var step = await client.GetStringAsync("/portal/steps/deployment");
        Assert.That(WebUtility.HtmlDecode(step), Does.Contain("Astral hosts the Artemis platform"));

        await client.PostFormAsync("/portal?handler=submit", Fields(("AsOf", DateTime.UtcNow.ToString("yyyy-MM-dd"))), "/portal");
        Assert.That(await client.GetStringAsync("/portal"), Does.Not.Contain("New questions for you"));
    }

    [Test]
    public async Task A_review_on_the_new_version_is_prefilled_by_key()
    {
        var vendor = await _app.FindAsync("Astralog");
        var (reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);

        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", "vendor-security-diligence@1.1.0")));
        var reviewId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);

        var library = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);
        var answers = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        Assert.That(answers.Select(a => a.Key), Is.EquivalentTo(library.Select(a => a.Key)));
    }
}
