using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>
/// A new questionnaire version: library answers carry over by key, and new keys are new questions for the vendor; a
/// re-assessment onto it keeps what the decided review knew and lists what the vendor has changed since.
/// </summary>
public sealed class CarryOverTests
{
    private const string NewPrompt = "Which new control does this version ask about?";

    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        var yaml = (await File.ReadAllTextAsync(Path.Combine(Root(), "questionnaires", "vendor-security-diligence.yaml")))
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

    [Test]
    public async Task Reassessing_keeps_provenance_finding_statuses_and_manual_findings()
    {
        var vendor = await _app.FindAsync("Astronomer");
        var (reviewer, user) = await _app.SignInAsAsync(Role.Reviewer);
        var reviewId = await StartReviewAsync(reviewer, vendor.Id);
        var prefilled = (await _app.Get<IProvenanceStore>().ListAsync(reviewId)).Select(p => p.Key).ToList();
        var overridden = prefilled.First(k => Shipped().FindItemByKey(k) is TextItem);
        var confirmed = prefilled.First(k => k != overridden);
        await _app.Get<IProvenanceStore>().ConfirmAsync(reviewId, confirmed, user.Id, DateTimeOffset.UtcNow);
        var before = (await _app.Get<IAnswerStore>().GetAsync(reviewId, overridden))!;
        await _app.Get<IAnswerStore>().SaveAsync(reviewId, overridden, "{\"value\":\"The reviewer's own answer.\"}", before.Version, user.Id, DateTimeOffset.UtcNow);
        using (var scope = _app.Services.CreateScope())
        {
            // A new review raises its automatic findings on its first save; this one's answers were stored directly.
            var workspace = scope.ServiceProvider.GetRequiredService<ReviewWorkspace>();
            await workspace.SyncFindingsAsync((await workspace.LoadAsync(reviewId, CancellationToken.None))!, CancellationToken.None);
        }
        var findings = _app.Get<IFindingStore>();
        var raised = (await findings.ListAsync(reviewId)).First(f => f.Source != FindingSource.Manual && !f.Withdrawn);
        await findings.UpdateAsync(raised with { Status = FindingStatus.AcceptedRisk, Owner = "CISO" }, raised.Version);
        var manual = new Finding(Guid.NewGuid(), reviewId, FindingSource.Manual, null, FindingSeverities.Low, "Pen-test summary is a year old.",
            "Procurement", FindingStatus.Open, false, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1);
        await findings.AddAsync(manual);
        await _app.DecideAsync(reviewId);

        var next = await ReassessAsync(reviewer, reviewId);

        var provenance = (await _app.Get<IProvenanceStore>().ListAsync(next)).ToDictionary(p => p.Key);
        var answers = (await _app.Get<IAnswerStore>().ListAsync(next)).ToDictionary(a => a.Key, a => a.ValueJson);
        Assert.That(provenance.Keys, Is.EquivalentTo(prefilled));
        Assert.That(provenance[confirmed].StatusFor(answers[confirmed]), Is.EqualTo(ProvenanceStatus.Confirmed));
        Assert.That(provenance[overridden].StatusFor(answers[overridden]), Is.EqualTo(ProvenanceStatus.Overridden));
        Assert.That(prefilled.Except([confirmed, overridden]).Select(k => provenance[k].StatusFor(answers[k])), Is.All.EqualTo(ProvenanceStatus.Prefilled));
        var carried = await findings.ListAsync(next);
        Assert.That(carried.Single(f => f.SourceId == raised.SourceId), Has.Property("Status").EqualTo(FindingStatus.AcceptedRisk)
            .And.Property("Owner").EqualTo("CISO").And.Property("Withdrawn").False);
        Assert.That(carried.Single(f => f.Source == FindingSource.Manual),
            Has.Property("Text").EqualTo(manual.Text).And.Property("Owner").EqualTo("Procurement").And.Property("Id").Not.EqualTo(manual.Id));
        Assert.That(await StepPageOf(reviewer, next, confirmed), Does.Contain("Reviewer-confirmed vendor answer"));
        Assert.That(await StepPageOf(reviewer, next, overridden), Does.Contain("Reviewer-overridden vendor answer"));
    }

    [Test]
    public async Task A_reassessment_lists_the_vendors_newer_library_answers_and_accepting_one_takes_it_as_the_vendors()
    {
        var vendor = await _app.FindAsync("Astralog");
        var (reviewer, user) = await _app.SignInAsAsync(Role.Reviewer);
        var reviewId = await StartReviewAsync(reviewer, vendor.Id);
        await _app.DecideAsync(reviewId);
        var library = _app.Get<ILibraryStore>();
        var questionnaire = Shipped();
        var texts = (await library.ListAsync(vendor.Id)).Where(a => questionnaire.FindItemByKey(a.Key) is TextItem).Take(2).ToList();
        foreach (var text in texts)
        {
            await library.SaveAsync(vendor.Id, text.Key, $"{{\"value\":\"Changed by {vendor.Name}: {text.Key}\"}}", text.Version, user.Id, DateTimeOffset.UtcNow);
        }
        var next = await ReassessAsync(reviewer, reviewId);
        var listed = await reviewer.GetStringAsync($"/reviews/{next}");
        var version = (await _app.Get<IAnswerStore>().GetAsync(next, texts[0].Key))!.Version;

        var accepted = await reviewer.PostFormAsync($"/reviews/{next}?handler=TakeLibrary",
            Fields(("key", texts[0].Key), ("answerVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture))), $"/reviews/{next}");

        Assert.That(texts, Has.Count.EqualTo(2));
        Assert.That(WebUtility.HtmlDecode(listed), Does.Contain($"Newer answers in {vendor.Name}'s library")
            .And.Contain($"Changed by {vendor.Name}: {texts[0].Key}").And.Contain($"Changed by {vendor.Name}: {texts[1].Key}"));
        Assert.That(listed, Does.Contain($"data-key=\"{texts[0].Key}\""));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var taken = (await _app.Get<IAnswerStore>().GetAsync(next, texts[0].Key))!;
        Assert.That(taken.ValueJson, Does.Contain($"Changed by {vendor.Name}: {texts[0].Key}"));
        Assert.That(taken.Version, Is.EqualTo(version + 1));
        var origin = (await _app.Get<IProvenanceStore>().ListAsync(next)).Single(p => p.Key == texts[0].Key);
        Assert.That(origin.StatusFor(taken.ValueJson), Is.EqualTo(ProvenanceStatus.Prefilled), "vendor-supplied");
        var events = await _app.Get<IAuditStore>().QueryAsync(new AuditFilter(ResourceId: $"{next}/{texts[0].Key}"), 0, 10);
        Assert.That(events.Events.Select(e => (e.Action, e.After![^13..])), Is.EqualTo(new[] { (AuditActions.AnswerSaved, " from=library") }));
        var after = await reviewer.GetStringAsync($"/reviews/{next}");
        Assert.That(after, Does.Not.Contain($"data-key=\"{texts[0].Key}\"").And.Contain($"data-key=\"{texts[1].Key}\""));
    }

    [Test]
    public async Task Accepting_a_library_answer_changed_meanwhile_is_refused()
    {
        var vendor = await _app.FindAsync("Astralog");
        var (reviewer, user) = await _app.SignInAsAsync(Role.Reviewer);
        var reviewId = await StartReviewAsync(reviewer, vendor.Id);
        await _app.DecideAsync(reviewId);
        var next = await ReassessAsync(reviewer, reviewId);
        var answer = (await _app.Get<IAnswerStore>().ListAsync(next))[0];
        await _app.Get<IAnswerStore>().SaveAsync(next, answer.Key, null, answer.Version, user.Id, DateTimeOffset.UtcNow);

        var response = await reviewer.PostFormAsync($"/reviews/{next}?handler=TakeLibrary",
            Fields(("key", answer.Key), ("answerVersion", answer.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))), $"/reviews/{next}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(Html(LibraryUpdates.Changed)));
        Assert.That(await _app.Get<IAnswerStore>().GetAsync(next, answer.Key), Is.Null);
    }

    private static async Task<Guid> StartReviewAsync(HttpClient reviewer, Guid vendorId)
    {
        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendorId.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private async Task<Guid> ReassessAsync(HttpClient reviewer, Guid reviewId)
    {
        var response = await reviewer.PostFormAsync($"/reviews/{reviewId}?handler=Reassess", [], $"/reviews/{reviewId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var next = (await _app.Get<IReviewStore>().FindReassessmentAsync(reviewId))!;
        Assert.That(next.QuestionnaireVersion, Is.EqualTo("1.1.0"));
        return next.Id;
    }

    private static Task<string> StepPageOf(HttpClient client, Guid reviewId, string key)
    {
        var shipped = Shipped();
        return client.GetStringAsync($"/reviews/{reviewId}/steps/{shipped.FindStepOf(shipped.FindItemByKey(key)!.Id)!.Id}");
    }

    private static Questionnaire Shipped() =>
        QuestionnaireLoader.LoadFile(Path.Combine(Root(), "questionnaires", "vendor-security-diligence.yaml")).Value!;

    private static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Diligence.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        return root;
    }
}
