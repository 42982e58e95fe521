using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>
/// A reviewer imports an answers YAML or workbook into a review: validated first, every problem reported with its
/// place, all answers or none written, with history; never into a decided review, never by a vendor.
/// </summary>
public sealed class ReviewImportTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [TestCase("yaml")]
    [TestCase("xlsx")]
    public async Task A_review_exported_and_imported_into_an_empty_review_gets_the_same_answers_with_history(string format)
    {
        var vendor = await _app.FindAsync("Astronomer");
        var source = await StartReviewAsync(vendor.Id);
        var target = await StartReviewAsync((await _app.AddVendorAsync()).Id);
        var file = await _reviewer.GetByteArrayAsync($"/reviews/{source}/export" + (format == "xlsx" ? "?format=xlsx" : ""));

        var response = await UploadAsync(target, file, $"review.{format}");
        var again = await UploadAsync(target, file, $"review.{format}");

        var expected = await _app.Get<IAnswerStore>().ListAsync(source);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _reviewer.GetStringAsync($"/reviews/{target}"), Does.Contain("Imported: 0 answers changed."), "the second import changes nothing");
        var imported = await _app.Get<IAnswerStore>().ListAsync(target);
        Assert.That(imported.Select(a => (a.Key, a.ValueJson, a.Version)), Is.EquivalentTo(expected.Select(a => (a.Key, a.ValueJson, 1))));
        var history = await _app.Get<IAnswerStore>().HistoryAsync(target);
        Assert.That(history.Select(h => (h.Key, h.Version, h.ChangedBy)), Is.EquivalentTo(expected.Select(a => (a.Key, 1, _reviewerUser.Id))));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task An_import_replaces_the_answers_it_names_keeps_the_others_and_overrides_the_vendors()
    {
        var vendor = await _app.FindAsync("Astral");
        var reviewId = await StartReviewAsync(vendor.Id);
        var before = (await _app.Get<IAnswerStore>().ListAsync(reviewId)).ToDictionary(a => a.Key);
        var yaml = """
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            answers:
              deployment.tenant-isolation: { value: Dedicated clusters per customer., note: From the call on 2026-11-20. }
              workload.criticality: { value: business-critical }
            """;

        var response = await UploadAsync(reviewId, Encoding.UTF8.GetBytes(yaml), "call-notes.yaml");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _reviewer.GetStringAsync($"/reviews/{reviewId}"), Does.Contain("Imported: 2 answers changed."));
        var after = (await _app.Get<IAnswerStore>().ListAsync(reviewId)).ToDictionary(a => a.Key);
        Assert.That(after["deployment.tenant-isolation"].Version, Is.EqualTo(2));
        Assert.That(after["deployment.tenant-isolation"].ValueJson, Does.Contain("From the call on 2026-11-20."));
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys.Append("workload.criticality")));
        Assert.That(after.Where(a => a.Key is not ("deployment.tenant-isolation" or "workload.criticality")).Select(a => a.Value),
            Is.EqualTo(before.Where(a => a.Key != "deployment.tenant-isolation").Select(a => a.Value)));
        var origin = (await _app.Get<IProvenanceStore>().ListAsync(reviewId)).Single(p => p.Key == "deployment.tenant-isolation");
        Assert.That(origin.StatusFor(after["deployment.tenant-isolation"].ValueJson), Is.EqualTo(ProvenanceStatus.Overridden));
    }

    [Test]
    public async Task A_file_with_errors_is_refused_with_each_place_and_changes_nothing()
    {
        var reviewId = await StartReviewAsync((await _app.FindAsync("Astralog")).Id);
        var before = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        var yaml = """
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            answers:
              workload.criticality: { value: business-critical }
              no.such.key: { value: x }
              workload.data-classes: { value: [not-an-option] }
            """;

        var page = WebUtility.HtmlDecode(await (await UploadAsync(reviewId, Encoding.UTF8.GetBytes(yaml), "bad.yaml")).Content.ReadAsStringAsync());

        Assert.That(page, Does.Contain("The file was not imported; nothing was changed."));
        Assert.That(page, Does.Contain("bad.yaml:4:3: error: unknown answer key 'no.such.key'"));
        Assert.That(page, Does.Contain("bad.yaml:5:36: error: answer 'workload.data-classes': unknown option 'not-an-option'"));
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(reviewId), Is.EqualTo(before));
    }

    [Test]
    public async Task A_workbook_problem_names_its_sheet_row_and_column_and_changes_nothing()
    {
        var reviewId = await StartReviewAsync((await _app.FindAsync("Astral")).Id);
        var before = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        using var workbook = new XLWorkbook(new MemoryStream(await _reviewer.GetByteArrayAsync($"/reviews/{reviewId}/export?format=xlsx")));
        var sheet = workbook.Worksheet("workload");
        var row = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "workload.criticality").RowNumber();
        sheet.Cell(row, 3).SetValue("extreme");
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        var page = WebUtility.HtmlDecode(await (await UploadAsync(reviewId, saved.ToArray(), "review.xlsx")).Content.ReadAsStringAsync());

        Assert.That(page, Does.Contain($"Sheet 'workload', row {row}, column C: answer 'workload.criticality': unknown option 'extreme'"));
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(reviewId), Is.EqualTo(before));
    }

    [Test]
    public async Task A_decided_review_refuses_an_import()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Decided);

        var page = WebUtility.HtmlDecode(await (await UploadAsync(review.Id, "answers: {}"u8.ToArray(), "a.yaml")).Content.ReadAsStringAsync());

        Assert.That(page, Does.Contain(ReviewImport.Locked));
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(review.Id), Is.Empty);
    }

    [Test]
    public async Task Vendors_and_procurement_cannot_import_into_a_review()
    {
        var vendor = await _app.FindAsync("Astral");
        var reviewId = await StartReviewAsync(vendor.Id);
        var before = await _app.Get<IAnswerStore>().ListAsync(reviewId);

        foreach (var role in new[] { Role.Vendor, Role.Procurement })
        {
            var (client, _) = await _app.SignInAsAsync(role, role == Role.Vendor ? vendor.Id : null);
            // A valid token of the user's own session: what stops them is their role.
            var token = HttpClientFormExtensions.AntiforgeryTokenOf(await client.GetStringAsync(role == Role.Vendor ? "/portal" : $"/reviews/{reviewId}"));
            var response = await client.PostAsync($"/reviews/{reviewId}?handler=import", Upload("answers: {}"u8.ToArray(), "a.yaml", token));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), role.ToString());
            Assert.That(response.Headers.Location?.OriginalString, Does.Contain("/account/denied"), role.ToString());
        }
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(reviewId), Is.EqualTo(before));
    }

    private async Task<Guid> StartReviewAsync(Guid vendorId)
    {
        var created = await _reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendorId.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private async Task<HttpResponseMessage> UploadAsync(Guid reviewId, byte[] bytes, string fileName)
    {
        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}");
        return await _reviewer.PostAsync($"/reviews/{reviewId}?handler=import", Upload(bytes, fileName, HttpClientFormExtensions.AntiforgeryTokenOf(page)));
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string token)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "upload", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }
}
