using System.Net;
using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Reviews;

/// <summary>A repeat list on the step page without JavaScript: Add, Remove and Undo, each coming back to the list.</summary>
public sealed partial class RepeatEntryTests
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
        _reviewer.PostFormAsync(StepUrl(step), Fields(fields));

    private async Task<string?> Stored(string key) => (await _app.Get<IAnswerStore>().GetAsync(_review.Id, key))?.ValueJson;

    private async Task<int> Version(string key) => (await _app.Get<IAnswerStore>().GetAsync(_review.Id, key))?.Version ?? 0;

    [Test]
    public async Task Add_on_an_empty_list_comes_back_with_two_entries_at_the_second()
    {
        var response = await PostStep("boundary", ("v.certs", "0"), ("a.certs.count", "1"), ("a.certs[0].cert-name", ""), ("add.certs", "1"));

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"{StepUrl("boundary")}?add=certs&entries=2#f-a-certs-1"));
        var page = await _reviewer.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.That(page, Does.Contain("aria-label=\"Certification 2\"").And.Not.Contain("aria-label=\"Certification 3\""));
        Assert.That(page, Does.Contain("<input type=\"hidden\" name=\"a.certs.count\" value=\"2\">"));
    }

    [Test]
    public async Task Remove_offers_undo_which_puts_the_entry_back_at_its_place()
    {
        await PostStep("boundary", ("v.certs", "0"), ("a.certs.count", "3"),
            ("a.certs[0].cert-name", "SOC 2"), ("a.certs[1].cert-name", "ISO 27001"), ("a.certs[1].cert-expiry", "2030-01-31"),
            ("a.certs[2].cert-name", "PCI-DSS"), ("go", "stay"));

        var removed = await PostStep("boundary", ("v.certs", "1"), ("a.certs.count", "3"),
            ("a.certs[0].cert-name", "SOC 2"), ("a.certs[1].cert-name", "ISO 27001"), ("a.certs[1].cert-expiry", "2030-01-31"),
            ("a.certs[2].cert-name", "PCI-DSS"), ("remove.certs", "1"));

        Assert.That(removed.Headers.Location?.OriginalString, Is.EqualTo($"{StepUrl("boundary")}#f-a-certs-undo"));
        Assert.That(await Stored("boundary.certs"), Does.Contain("SOC 2").And.Contain("PCI-DSS").And.Not.Contain("ISO 27001"));
        var page = await _reviewer.GetStringAsync(StepUrl("boundary"));
        Assert.That(page, Does.Contain("Certification 2 removed."));
        Assert.That(await _reviewer.GetStringAsync(StepUrl("boundary")), Does.Not.Contain("Certification 2 removed."), "offered once");

        var undo = await PostStep("boundary", ("v.certs", (await Version("boundary.certs")).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("a.certs.count", "2"), ("a.certs[0].cert-name", "SOC 2"), ("a.certs[1].cert-name", "PCI-DSS"),
            ("undo", "certs"), ("undo.entry", WebUtility.HtmlDecode(UndoEntry().Match(page).Groups[1].Value)));

        Assert.That(undo.Headers.Location?.OriginalString, Is.EqualTo($"{StepUrl("boundary")}#f-a-certs-1"));
        var restored = await Stored("boundary.certs");
        Assert.That(restored, Does.Match("SOC 2.*ISO 27001.*2030-01-31.*PCI-DSS"));
    }

    [Test]
    public async Task A_step_posted_as_autosave_stores_the_same_answer_is_saved_not_refused_as_a_conflict()
    {
        // With JavaScript, pressing a step's button leaves a field, so autosave stores it as the form posts it.
        await _reviewer.PostAutosaveAsync($"/reviews/{_review.Id}/answers/summary", StepUrl("profile"),
            Fields(("v.summary", "0"), ("a.summary", "Same text")));

        var response = await PostStep("profile", ("v.summary", "0"), ("a.summary", "Same text"), ("go", "stay"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await Version("profile.summary"), Is.EqualTo(1));
    }

    [GeneratedRegex("name=\"undo.entry\" value=\"([^\"]+)\"")]
    private static partial Regex UndoEntry();
}
