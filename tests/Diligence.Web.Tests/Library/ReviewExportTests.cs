using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Data;
using Diligence.Interchange;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>A review exports to the answers YAML format and to a workbook, and both read back to the same answers.</summary>
public sealed class ReviewExportTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [TestCase("Astronomer")]
    [TestCase("Astral")]
    [TestCase("Astralog")]
    public async Task A_prefilled_review_exports_losslessly_to_yaml_and_to_a_workbook(string name)
    {
        var vendor = await _app.FindAsync(name);
        var (reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        var reviewId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        var stored = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        var questionnaire = QuestionnaireLoader.Load((await _app.Get<IQuestionnaireStore>().GetAsync("vendor-security-diligence", "1.0.0"))!.Yaml, "q.yaml").Value!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var yaml = AnswersLoader.Load(await reviewer.GetStringAsync($"/reviews/{reviewId}/export"), "review.yaml", questionnaire, today);
        using var workbook = new MemoryStream(await reviewer.GetByteArrayAsync($"/reviews/{reviewId}/export?format=xlsx"));
        var (fromWorkbook, problems) = WorkbookImporter.Read(workbook, new QuestionnaireEvaluator(questionnaire), today, Audience.Both);

        Assert.That(problems, Is.Empty);
        foreach (var sheet in new[] { yaml.Value!, fromWorkbook! })
        {
            Assert.That(sheet.ByKey.ToDictionary(a => a.Key, a => AnswerJson.Serialize(a.Value)),
                Is.EquivalentTo(stored.ToDictionary(a => a.Key, a => a.ValueJson)));
        }
        var (vendorClient, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        Assert.That((await vendorClient.GetAsync($"/reviews/{reviewId}/export")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }
}
