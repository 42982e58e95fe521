using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Answers;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>A new review starts with the vendor's library answers, each with its provenance; accept, override, stale.</summary>
public sealed class PrefillTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_new_review_starts_with_the_vendors_answers_to_vendor_items_marked_as_the_vendors()
    {
        var vendor = await _app.FindAsync("Astronomer");
        var library = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);

        var reviewId = await StartReviewAsync(vendor.Id);

        var answers = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        Assert.That(answers.Select(a => (a.Key, a.ValueJson)), Is.EquivalentTo(library.Select(a => (a.Key, a.ValueJson))));
        var provenance = await _app.Get<IProvenanceStore>().ListAsync(reviewId);
        Assert.That(provenance.Select(p => p.Key), Is.EquivalentTo(library.Select(a => a.Key)));
        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        Assert.That(page, Does.Contain("<span class=\"badge vendor\">From the vendor · as of 2026-11-"));
    }

    [Test]
    public async Task Accepting_confirms_and_changing_overrides_keeping_the_vendors_value()
    {
        var vendor = await _app.FindAsync("Astral");
        var reviewId = await StartReviewAsync(vendor.Id);
        var step = $"/reviews/{reviewId}/steps/deployment";

        var accept = await _reviewer.PostFormAsync($"{step}?handler=accept", Fields(("accept", "deployment.byoc.terms")), step);
        Assert.That(accept.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var version = (await _app.Get<IAnswerStore>().GetAsync(reviewId, "deployment.tenant-isolation"))!.Version;
        var save = await _reviewer.PostAutosaveAsync($"/reviews/{reviewId}/answers/tenant-isolation", step,
            Fields(("v.tenant-isolation", version.ToString()), ("a.tenant-isolation", "Reviewer's own finding.")));
        Assert.That(save.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var provenance = (await _app.Get<IProvenanceStore>().ListAsync(reviewId)).ToDictionary(p => p.Key);
        var answers = (await _app.Get<IAnswerStore>().ListAsync(reviewId)).ToDictionary(a => a.Key);
        Assert.That(provenance["deployment.byoc.terms"].StatusFor(answers["deployment.byoc.terms"].ValueJson), Is.EqualTo(ProvenanceStatus.Confirmed));
        Assert.That(provenance["deployment.tenant-isolation"].StatusFor(answers["deployment.tenant-isolation"].ValueJson), Is.EqualTo(ProvenanceStatus.Overridden));
        Assert.That(provenance["deployment.tenant-isolation"].VendorValueJson, Does.Contain("per-customer isolation"));
        var page = WebUtility.HtmlDecode(await _reviewer.GetStringAsync(step));
        Assert.That(page, Does.Contain("Reviewer-confirmed vendor answer"));
        Assert.That(page, Does.Contain("Reviewer-overridden vendor answer"));
        Assert.That(page, Does.Contain("The vendor answered: Astral hosts the Artemis platform"));
    }

    [Test]
    public async Task Posting_the_whole_step_unchanged_keeps_every_prefilled_answer_as_the_vendors()
    {
        var vendor = await _app.FindAsync("Astral");
        var reviewId = await StartReviewAsync(vendor.Id);
        var step = $"/reviews/{reviewId}/steps/data-boundary";
        var page = await _reviewer.GetStringAsync(step);
        var fields = FormFields.Of(page);

        var response = await _reviewer.PostFormAsync(step, fields.Append(new("go", "stay")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var answers = (await _app.Get<IAnswerStore>().ListAsync(reviewId)).ToDictionary(a => a.Key);
        foreach (var origin in await _app.Get<IProvenanceStore>().ListAsync(reviewId))
        {
            Assert.That(origin.StatusFor(answers[origin.Key].ValueJson), Is.EqualTo(ProvenanceStatus.Prefilled), origin.Key);
        }
    }

    [Test]
    public async Task Answers_older_than_twelve_months_or_with_expired_evidence_are_stale()
    {
        var vendor = await _app.AddVendorAsync();
        var library = _app.Get<ILibraryStore>();
        var old = new Answer(new TextValue("Per-tenant clusters."), AsOf: DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-13));
        var expired = new Answer(new EvidenceValue(new EvidenceReference("SOC 2 Type II", Expires: new DateOnly(2020, 1, 1))),
            AsOf: DateOnly.FromDateTime(DateTime.UtcNow));
        var fresh = new Answer(new TextValue("Fresh."), AsOf: DateOnly.FromDateTime(DateTime.UtcNow));
        await library.ReplaceAsync(vendor.Id, new Dictionary<string, string>
        {
            ["deployment.tenant-isolation"] = AnswerJson.Serialize(old),
            ["evidence.soc2-report"] = AnswerJson.Serialize(expired),
            ["deployment.plan-restrictions"] = AnswerJson.Serialize(fresh),
        }, Guid.Empty, DateTimeOffset.UtcNow);

        var reviewId = await StartReviewAsync(vendor.Id);

        var deployment = await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        Assert.That(deployment, Does.Contain("<span class=\"badge stale\">Stale: Older than 12 months</span>"));
        Assert.That(Count(deployment, "badge stale"), Is.EqualTo(1), "the fresh answer is not stale");
        var evidence = WebUtility.HtmlDecode(await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/evidence"));
        Assert.That(evidence, Does.Contain("Stale: Evidence “SOC 2 Type II” expired on 2020-01-01"));
    }

    [Test]
    public async Task The_badge_shows_the_day_the_vendor_declared_its_answers_current_not_the_import_day()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-14);
        var own = asOf.AddMonths(1);
        var yaml = $$"""
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            asOf: {{asOf:yyyy-MM-dd}}
            answers:
              deployment.tenant-isolation: { value: Per-tenant clusters. }
              deployment.plan-restrictions: { value: None., asOf: {{own:yyyy-MM-dd}} }
            """;
        var portal = await client.GetStringAsync("/portal");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(HttpClientFormExtensions.AntiforgeryTokenOf(portal)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(yaml)), "upload", "library.yaml" },
        };
        Assert.That(await (await client.PostAsync("/portal?handler=import", content)).Content.ReadAsStringAsync(), Does.Contain("Imported: 2 answers changed."));

        var reviewId = await StartReviewAsync(vendor.Id);

        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}/steps/deployment");
        Assert.That(page, Does.Contain($"From the vendor · as of {asOf:yyyy-MM-dd}"));
        Assert.That(page, Does.Contain($"From the vendor · as of {own:yyyy-MM-dd}"));
        Assert.That(Count(page, "<span class=\"badge stale\">Stale: Older than 12 months</span>"), Is.EqualTo(2));
    }

    private async Task<Guid> StartReviewAsync(Guid vendorId)
    {
        var created = await _reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendorId.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
