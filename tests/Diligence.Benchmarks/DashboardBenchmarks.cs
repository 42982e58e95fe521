using BenchmarkDotNet.Attributes;
using Diligence.Core.Accounts;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Tests.Shared;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Benchmarks;

/// <summary>
/// The dashboard a reviewer opens first, through the whole app in memory, with a security team's history of reviews of
/// the ten-step questionnaire, each answered (in part) as the Astronomer sample is. The page shows 50 reviews at a time,
/// so its cost should not grow with the history.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AppRuntimeConfig))]
public class DashboardBenchmarks
{
    private TestApp _app = null!;
    private HttpClient _client = null!;

    [Params(50, 500, 2000)]
    public int Reviews { get; set; }

    [GlobalSetup]
    public async Task Seed()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DILIGENCE_WEB", RepositoryRoot.Combine("src", "Diligence.Web"));
        _app = new TestApp();
        (_client, var user) = await _app.SignInAsAsync(Role.Reviewer);
        var yaml = await File.ReadAllTextAsync(BenchmarkFiles.TenStepQuestionnaire);
        var questionnaire = QuestionnaireLoader.Load(yaml, "ten-step.yaml").Value!;
        await _app.Get<IQuestionnaireStore>().PublishAsync(new StoredQuestionnaire(
            questionnaire.Id, questionnaire.Version, questionnaire.ContentHash, questionnaire.Title, yaml, DateTimeOffset.UtcNow));
        var sample = AnswersLoader.LoadFile(
            RepositoryRoot.Combine("questionnaires", "samples", "astronomer-astro.answers.yaml"), questionnaire).Value!;
        var answers = sample.ByKey.Select(a => (a.Key, Json: AnswerJson.Serialize(a.Value))).ToList();
        var statuses = Enum.GetValues<ReviewStatus>().Where(s => s != ReviewStatus.Decided).ToArray();
        for (var i = 0; i < Reviews; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var vendor = new Vendor(Guid.NewGuid(), $"Vendor {i}", "Product", null, null, now);
            await _app.Get<IVendorStore>().CreateAsync(vendor);
            var review = new Review(Guid.NewGuid(), vendor.Id, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
                statuses[i % statuses.Length], user.Id, null, null, null, now, now, 1);
            await _app.Get<IReviewStore>().CreateAsync(review);
            // Reviews part-way through: the first few answered, fewer the later in the list.
            foreach (var (key, json) in answers.Take(answers.Count * (i % 4 + 1) / 4))
            {
                await _app.Get<IAnswerStore>().SaveAsync(review.Id, key, json, 0, user.Id, now);
            }
        }
    }

    [GlobalCleanup]
    public void Stop()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Benchmark]
    public async Task<int> Dashboard()
    {
        using var response = await _client.GetAsync("/");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
