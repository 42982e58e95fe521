using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Reviews;

/// <summary>The step page without JavaScript: whole-step form posts, as a browser with scripts off sends them.</summary>
public sealed class StepPageTests
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

    private string StepUrl(string step) => $"/reviews/{_review.Id}/steps/{step}";

    private Task<HttpResponseMessage> PostStep(string step, params (string Name, string Value)[] fields) =>
        _reviewer.PostFormAsync(StepUrl(step), fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private async Task<string?> Stored(string key) =>
        (await _app.Get<IAnswerStore>().GetAsync(_review.Id, key))?.ValueJson;

    [Test]
    public async Task The_first_step_lists_every_step_with_its_progress()
    {
        var page = await _reviewer.GetStringAsync($"/reviews/{_review.Id}/steps");

        Assert.That(page, Does.Contain("<h1>Profile</h1>"));
        Assert.That(page, Does.Contain("1. Profile").And.Contain("2. Boundary"));
        Assert.That(page, Does.Contain("<legend>Which data classes are in scope?"));
    }

    [Test]
    public async Task Every_simple_item_type_round_trips_through_the_form()
    {
        var response = await PostStep("profile",
            ("v.data-classes", "0"), ("a.data-classes", "pii"), ("a.data-classes", "other"), ("a.data-classes.other", "Telemetry"),
            ("v.hosting", "0"), ("a.hosting", "vendor"),
            ("v.summary", "0"), ("a.summary", "Log analytics"),
            ("v.details", "0"), ("a.details", "**Bold** claim"),
            ("v.users", "0"), ("a.users", "250"),
            ("v.since", "0"), ("a.since", "2024-05-01"),
            ("v.site", "0"), ("a.site", "https://trust.example.com"),
            ("go", "stay"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await _reviewer.GetStringAsync(StepUrl("profile"));
        Assert.That(page, Does.Contain("value=\"pii\" checked=\"checked\"").And.Contain("value=\"Telemetry\""));
        Assert.That(page, Does.Contain("value=\"vendor\" checked=\"checked\""));
        Assert.That(page, Does.Contain("value=\"Log analytics\"").And.Contain("value=\"250\"").And.Contain("value=\"2024-05-01\""));
        Assert.That(page, Does.Contain("value=\"https://trust.example.com\""));
        Assert.That(page, Does.Contain("<strong>Bold</strong> claim"), "markdown preview");
        Assert.That(await Stored("profile.users"), Is.Not.Null);
    }

    [Test]
    public async Task Matrix_repeat_and_evidence_round_trip_through_the_form()
    {
        await PostStep("boundary",
            ("v.models", "0"), ("a.models", "hosted"), ("a.models", "private"),
            ("v.locations", "0"), ("a.locations.control-plane.hosted", "Vendor infrastructure"),
            ("a.locations.logs.private", "Customer infrastructure"),
            ("v.certs", "0"), ("a.certs.count", "2"), ("a.certs[0].cert-name", "SOC 2"), ("a.certs[0].cert-expiry", "2030-01-31"),
            ("a.certs[1].cert-name", "ISO 27001"),
            ("v.report", "0"), ("a.report.title", "SOC 2 Type II report"), ("a.report.availability", "nda"),
            ("a.report.expires", "2030-06-30"),
            ("go", "stay"));

        var page = await _reviewer.GetStringAsync(StepUrl("boundary"));

        Assert.That(page, Does.Contain("<textarea name=\"a.locations.control-plane.hosted\" rows=\"2\" aria-label=\"Control plane, Hosted\">Vendor infrastructure</textarea>"));
        Assert.That(page, Does.Contain("<textarea name=\"a.locations.logs.private\" rows=\"2\" aria-label=\"Logs, Private cloud\">Customer infrastructure</textarea>"));
        Assert.That(page, Does.Contain("name=\"a.certs[1].cert-name\" type=\"text\"").And.Contain("value=\"ISO 27001\""));
        Assert.That(page, Does.Contain("value=\"SOC 2 Type II report\"").And.Contain("value=\"nda\" selected=\"selected\""));
    }

    [Test]
    public async Task Removing_a_repeat_entry_keeps_the_others()
    {
        await PostStep("boundary", ("v.certs", "0"), ("a.certs.count", "2"),
            ("a.certs[0].cert-name", "SOC 2"), ("a.certs[1].cert-name", "ISO 27001"));
        var version = (await _app.Get<IAnswerStore>().GetAsync(_review.Id, "boundary.certs"))!.Version;

        await PostStep("boundary", ("v.certs", version.ToString()), ("a.certs.count", "2"),
            ("a.certs[0].cert-name", "SOC 2"), ("a.certs[1].cert-name", "ISO 27001"), ("remove.certs", "0"));

        Assert.That(await Stored("boundary.certs"), Does.Contain("ISO 27001").And.Not.Contain("SOC 2"));
    }

    [Test]
    public async Task A_hidden_item_appears_when_its_condition_holds()
    {
        var before = await _reviewer.GetStringAsync(StepUrl("profile"));
        await PostStep("profile", ("v.data-classes", "0"), ("a.data-classes", "phi"));
        var after = await _reviewer.GetStringAsync(StepUrl("profile"));

        Assert.That(before, Does.Contain("data-item=\"baa\" hidden=\"hidden\""));
        Assert.That(after, Does.Contain("data-item=\"baa\">"));
    }

    [Test]
    public async Task A_bad_number_is_explained_beside_the_field_and_every_other_input_is_kept()
    {
        var response = await PostStep("profile",
            ("v.summary", "0"), ("a.summary", "Kept summary"),
            ("v.users", "0"), ("a.users", "lots"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("<p class=\"error-text\">Enter a number, like 12 or 3.5.</p>"));
        Assert.That(page, Does.Contain("value=\"lots\"").And.Contain("value=\"Kept summary\""));
        Assert.That(page, Does.Contain("1 answer was not saved."));
        Assert.That(await Stored("profile.users"), Is.Null);
    }

    [Test]
    public async Task A_value_outside_the_items_rules_is_refused_with_the_rule()
    {
        var response = await PostStep("profile", ("v.users", "0"), ("a.users", "0"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(page, Does.Contain("class=\"error-text\""));
        Assert.That(await Stored("profile.users"), Is.Null);
    }

    [Test]
    public async Task An_option_that_does_not_exist_is_refused()
    {
        var response = await PostStep("profile", ("v.hosting", "0"), ("a.hosting", "mars"));

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("class=\"error-text\""));
        Assert.That(await Stored("profile.hosting"), Is.Null);
    }

    [Test]
    public async Task A_stale_save_shows_the_other_value_and_who_wrote_it_and_overwrites_nothing()
    {
        var (other, _) = await _app.SignInAsAsync(Role.Reviewer);
        await other.PostFormAsync(StepUrl("profile"),
            [new("v.summary", "0"), new("a.summary", "Their summary")]);

        var response = await PostStep("profile", ("v.summary", "0"), ("a.summary", "My summary"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(page, Does.Contain("changed this answer while you were editing it"));
        Assert.That(page, Does.Contain("Their answer: Their summary"));
        Assert.That(page, Does.Contain("value=\"My summary\""));
        Assert.That(await Stored("profile.summary"), Does.Contain("Their summary"));
    }

    [Test]
    public async Task Saving_again_after_a_conflict_keeps_mine()
    {
        var (other, _) = await _app.SignInAsAsync(Role.Reviewer);
        await other.PostFormAsync(StepUrl("profile"), [new("v.summary", "0"), new("a.summary", "Their summary")]);
        var conflictPage = await (await PostStep("profile", ("v.summary", "0"), ("a.summary", "My summary"))).Content.ReadAsStringAsync();
        Assert.That(conflictPage, Does.Contain("name=\"v.summary\" value=\"1\""));

        await PostStep("profile", ("v.summary", "1"), ("a.summary", "My summary"));

        Assert.That(await Stored("profile.summary"), Does.Contain("My summary"));
        var history = await _app.Get<IAnswerStore>().HistoryAsync(_review.Id, "profile.summary");
        Assert.That(history, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_flagged_answer_raises_a_finding_and_changing_it_withdraws_the_finding()
    {
        await PostStep("profile", ("v.data-classes", "0"), ("a.data-classes", "phi"));
        await PostStep("profile", ("v.data-classes", "1"), ("a.data-classes", "phi"), ("v.baa", "0"), ("a.baa", "no"));
        var raised = await _app.Get<IFindingStore>().ListAsync(_review.Id);

        await PostStep("profile", ("v.data-classes", "1"), ("a.data-classes", "phi"), ("v.baa", "1"), ("a.baa", "yes"));
        var after = await _app.Get<IFindingStore>().ListAsync(_review.Id);

        Assert.That(raised.Single(f => !f.Withdrawn).Text, Is.EqualTo("PHI is in scope but no BAA is signed."));
        Assert.That(after.Single().Withdrawn, Is.True);
    }

    [Test]
    public async Task Procurement_reads_a_step_but_cannot_change_it()
    {
        var (procurement, _) = await _app.SignInAsAsync(Role.Procurement);

        var page = await procurement.GetStringAsync(StepUrl("profile"));
        var post = await procurement.PostFormAsync(StepUrl("profile"), [new("v.summary", "0"), new("a.summary", "x")]);

        Assert.That(page, Does.Contain("only reviewers change answers"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(post.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That(await Stored("profile.summary"), Is.Null);
    }

    [Test]
    public async Task An_unknown_review_or_step_is_not_found()
    {
        Assert.That((await _reviewer.GetAsync($"/reviews/{Guid.NewGuid()}/steps")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _reviewer.GetAsync(StepUrl("no-such-step"))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_acknowledged_answer_survives_a_restart()
    {
        await PostStep("profile", ("v.summary", "0"), ("a.summary", "Durable"));

        _app.Restart();
        var client = await _app.SignInAsync(await _app.CreateUserAsync(Role.Reviewer));

        Assert.That(await client.GetStringAsync(StepUrl("profile")), Does.Contain("value=\"Durable\""));
    }
}
