using System.Net;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Reviews;

/// <summary>The autosave endpoint the step page's script calls when the user leaves a field.</summary>
public sealed class AutosaveTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private Review _review = null!;

    [SetUp]
    public async Task Start()
    {
        _app = new TestApp();
        var (client, user) = await _app.SignInAsAsync(Role.Reviewer);
        _reviewer = client;
        _review = await _app.CreateReviewAsync(user.Id);
    }

    [TearDown]
    public void Stop() => _app.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> Save(HttpClient client, string item, params (string Name, string Value)[] fields)
    {
        var response = await client.PostAutosaveAsync($"/reviews/{_review.Id}/answers/{item}", $"/reviews/{_review.Id}/steps/profile",
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    [Test]
    public async Task Saving_an_answer_returns_its_new_version_and_what_became_visible()
    {
        var (status, body) = await Save(_reviewer, "data-classes", ("v.data-classes", "0"), ("a.data-classes", "phi"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(body.GetProperty("visibility").GetProperty("baa").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("required").GetProperty("baa").GetBoolean(), Is.True);
    }

    [Test]
    public async Task A_risky_answer_returns_its_finding_its_question_and_the_review_s_progress()
    {
        await Save(_reviewer, "data-classes", ("v.data-classes", "0"), ("a.data-classes", "phi"));

        var (status, body) = await Save(_reviewer, "baa", ("v.baa", "0"), ("a.baa", "no"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var finding = body.GetProperty("findings").GetProperty("baa")[0];
        Assert.That((finding.GetProperty("severity").GetString(), finding.GetProperty("label").GetString(), finding.GetProperty("text").GetString()),
            Is.EqualTo(("critical", "Critical", "PHI is in scope but no BAA is signed.")));
        Assert.That(body.GetProperty("asks").GetProperty("baa").GetString(), Is.EqualTo("What protects PHI without a BAA?"));
        Assert.That(body.GetProperty("progress").GetProperty("answered").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_stale_autosave_is_a_conflict_naming_the_other_value()
    {
        await Save(_reviewer, "summary", ("v.summary", "0"), ("a.summary", "First"));

        var (status, body) = await Save(_reviewer, "summary", ("v.summary", "0"), ("a.summary", "Second"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(body.GetProperty("otherValue").GetString(), Is.EqualTo("First"));
        Assert.That(body.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That((await _app.Get<IAnswerStore>().GetAsync(_review.Id, "profile.summary"))!.ValueJson, Does.Contain("First"));
    }

    [Test]
    public async Task Saving_the_stored_answer_again_with_an_old_version_is_not_a_conflict()
    {
        await Save(_reviewer, "summary", ("v.summary", "0"), ("a.summary", "First"));

        var (status, body) = await Save(_reviewer, "summary", ("v.summary", "0"), ("a.summary", "First"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(body.GetProperty("unchanged").GetBoolean(), Is.True);
    }

    [Test]
    public async Task An_invalid_autosave_returns_the_message_and_stores_nothing()
    {
        var (status, body) = await Save(_reviewer, "since", ("v.since", "0"), ("a.since", "31/12/2024"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body.GetProperty("errors")[0].GetString(), Is.EqualTo("Enter a date as YYYY-MM-DD, like 2026-03-31."));
        Assert.That(await _app.Get<IAnswerStore>().GetAsync(_review.Id, "profile.since"), Is.Null);
    }

    [Test]
    public async Task An_item_from_another_questionnaire_is_not_found()
    {
        var (status, body) = await Save(_reviewer, "not-an-item", ("v.not-an-item", "0"), ("a.not-an-item", "x"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("This question is not part of the review's questionnaire."));
    }

    [Test]
    public async Task A_hidden_item_is_not_saved()
    {
        var (status, body) = await Save(_reviewer, "baa", ("v.baa", "0"), ("a.baa", "yes"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body.GetProperty("errors")[0].GetString(), Is.EqualTo("This question is hidden by other answers, so it was not saved."));
    }

    [Test]
    public async Task Autosave_without_the_antiforgery_header_is_refused()
    {
        var response = await _reviewer.PostAsync($"/reviews/{_review.Id}/answers/summary",
            new FormUrlEncodedContent([new("v.summary", "0"), new("a.summary", "x")]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _app.Get<IAnswerStore>().GetAsync(_review.Id, "profile.summary"), Is.Null);
    }

    [Test]
    public async Task Procurement_cannot_autosave()
    {
        var (procurement, _) = await _app.SignInAsAsync(Role.Procurement);

        var response = await procurement.PostAutosaveAsync($"/reviews/{_review.Id}/answers/summary", $"/reviews/{_review.Id}/steps/profile",
            [new("v.summary", "0"), new("a.summary", "x")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _app.Get<IAnswerStore>().GetAsync(_review.Id, "profile.summary"), Is.Null);
    }

    [Test]
    public async Task A_finding_raised_by_autosave_stays_through_saves_that_raise_nothing_new_and_goes_when_its_answer_changes()
    {
        async Task<IReadOnlyList<Finding>> Automatic() =>
            [.. (await _app.Get<IFindingStore>().ListAsync(_review.Id)).Where(f => f.Source != FindingSource.Manual)];
        await Save(_reviewer, "data-classes", ("v.data-classes", "0"), ("a.data-classes", "phi"));
        var beforeFlag = await Automatic();

        await Save(_reviewer, "baa", ("v.baa", "0"), ("a.baa", "no"));
        var raised = await Automatic();
        await Save(_reviewer, "summary", ("v.summary", "0"), ("a.summary", "Nothing to do with the BAA"));
        var afterUnrelatedSave = await Automatic();
        await Save(_reviewer, "baa", ("v.baa", "1"), ("a.baa", "yes"));
        var afterAnswerChanged = await Automatic();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeFlag, Is.Empty);
            Assert.That(raised.Select(f => (f.Severity, f.Text, f.Withdrawn)),
                Is.EqualTo(new[] { ("critical", "PHI is in scope but no BAA is signed.", false) }));
            Assert.That(afterUnrelatedSave, Is.EqualTo(raised));
            Assert.That(afterAnswerChanged.Select(f => (f.Id, f.Withdrawn)), Is.EqualTo(new[] { (raised[0].Id, true) }));
        }
    }
}
