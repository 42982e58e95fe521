using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Definitions;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>A reviewer accepts every vendor answer on a step at once, beside accepting them one by one.</summary>
public sealed class AcceptAllTests
{
    private const string Button = "Accept all of the vendor's answers on this step";

    private TestApp _app = null!;
    private HttpClient _reviewer = null!;

    [SetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Accepting_all_confirms_the_steps_vendor_answers_and_no_other_steps_in_one_event()
    {
        var reviewId = await StartReviewAsync("Astronomer");
        var steps = await StepsOfVendorAnswersAsync(reviewId);
        Assert.That(steps.Distinct().Count(), Is.GreaterThan(1), "the vendor answered on several steps");
        var overridden = steps.First(s => s.Value == "deployment").Key;
        var stored = await _app.Get<IAnswerStore>().GetAsync(reviewId, overridden);
        await _app.Get<IAnswerStore>().SaveAsync(reviewId, overridden, "{\"value\":[\"hosted\"]}", stored!.Version, Guid.NewGuid(), DateTimeOffset.UtcNow);
        var before = await LastSequenceAsync();

        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        var response = await _reviewer.PostFormAsync($"/reviews/{reviewId}/steps/deployment?handler=AcceptAll", [], $"/reviews/{reviewId}/steps/deployment");

        Assert.That(page, Does.Contain(Button));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var provenance = (await _app.Get<IProvenanceStore>().ListAsync(reviewId)).ToDictionary(p => p.Key);
        var onStep = steps.Where(s => s.Value == "deployment" && s.Key != overridden).Select(s => s.Key).ToList();
        Assert.That(onStep, Is.Not.Empty);
        Assert.That(onStep.Select(k => provenance[k].ConfirmedAt is not null), Is.All.True);
        Assert.That(provenance[overridden].ConfirmedAt, Is.Null, "an overridden answer is the reviewer's, not accepted");
        Assert.That(steps.Where(s => s.Value != "deployment").Select(s => provenance[s.Key].ConfirmedAt), Is.All.Null);
        var events = await EventsSinceAsync(before);
        Assert.That(events.Select(e => (e.Action, e.ResourceId, e.After)),
            Is.EqualTo(new[] { (AuditActions.AnswersAccepted, reviewId.ToString(), $"step=deployment accepted={onStep.Count}") }));
        var after = await _reviewer.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.That(after, Does.Contain($"Accepted {onStep.Count} answers from the vendor.").And.Not.Contain(Button));
        Assert.That(after, Does.Contain("Reviewer-confirmed vendor answer"));
    }

    [Test]
    public async Task Accepting_one_vendor_answer_commits_its_event_with_it()
    {
        var reviewId = await StartReviewAsync("Astronomer");
        var key = (await StepsOfVendorAnswersAsync(reviewId)).First(s => s.Value == "deployment").Key;
        var before = await LastSequenceAsync();

        var response = await _reviewer.PostFormAsync($"/reviews/{reviewId}/steps/deployment?handler=accept",
            [new("accept", key)], $"/reviews/{reviewId}/steps/deployment");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var provenance = (await _app.Get<IProvenanceStore>().ListAsync(reviewId)).Single(p => p.Key == key);
        Assert.That(provenance.ConfirmedAt, Is.Not.Null);
        var events = await EventsSinceAsync(before);
        Assert.That(events.Select(e => (e.Action, e.ResourceId, e.After)),
            Is.EqualTo(new[] { (AuditActions.AnswersAccepted, reviewId.ToString(), $"key={key} accepted=1") }));
    }

    [Test]
    public async Task A_step_without_vendor_answers_awaiting_acceptance_shows_no_button()
    {
        var reviewId = await StartReviewAsync("Astronomer");
        var steps = await StepsOfVendorAnswersAsync(reviewId);

        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/recommendation");

        Assert.That(steps.Values, Does.Not.Contain("recommendation"));
        Assert.That(page, Does.Not.Contain(Button));
    }

    [Test]
    public async Task A_decided_review_refuses_accepting_all()
    {
        var reviewId = await StartReviewAsync("Astral");
        await _app.DecideAsync(reviewId);
        var before = await LastSequenceAsync();

        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        var response = await _reviewer.PostFormAsync($"/reviews/{reviewId}/steps/deployment?handler=AcceptAll", [], $"/reviews/{reviewId}/steps/deployment");

        Assert.That(page, Does.Not.Contain(Button));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("This review is decided and read-only."));
        Assert.That((await _app.Get<IProvenanceStore>().ListAsync(reviewId)).Select(p => p.ConfirmedAt), Is.All.Null);
        Assert.That(await EventsSinceAsync(before), Is.Empty);
    }

    private async Task<Guid> StartReviewAsync(string vendorName)
    {
        var vendor = await _app.FindAsync(vendorName);
        var created = await _reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// <summary>The step of each prefilled answer, by key.</summary>
    private async Task<Dictionary<string, string>> StepsOfVendorAnswersAsync(Guid reviewId)
    {
        using var scope = _app.Services.CreateScope();
        var state = (await scope.ServiceProvider.GetRequiredService<ReviewWorkspace>().LoadAsync(reviewId, CancellationToken.None))!;
        Questionnaire definition = state.Questionnaire.Definition;
        return state.Origins.Keys
            .Where(k => definition.FindItemByKey(k) is { } item && state.Evaluation.IsVisible(item.Id))
            .ToDictionary(k => k, k => definition.FindStepOf(definition.FindItemByKey(k)!.Id)!.Id);
    }

    private async Task<long> LastSequenceAsync()
    {
        long last = 0;
        await foreach (var e in _app.Get<IAuditStore>().StreamAsync(AuditFilter.All))
        {
            last = e.Sequence;
        }
        return last;
    }

    private async Task<List<AuditEvent>> EventsSinceAsync(long sequence)
    {
        var events = new List<AuditEvent>();
        await foreach (var e in _app.Get<IAuditStore>().StreamAsync(AuditFilter.All))
        {
            if (e.Sequence > sequence)
            {
                events.Add(e);
            }
        }
        return events;
    }
}
