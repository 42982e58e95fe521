using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Interchange;
using Diligence.Tests.Shared;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Library;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// An answer over its size limit is refused on every path that stores answers (the step form, autosave, an answers
/// file or workbook imported into a review or a vendor library), with the item and the limit named, and nothing stored.
/// </summary>
public sealed class AnswerLimitTests
{
    private const string LongKey = "deployment.tenant-isolation";

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

    [Test]
    public async Task A_step_form_post_over_the_markdown_limit_is_refused_and_stores_nothing()
    {
        var review = await _app.CreateReviewAsync(_reviewerUser.Id);

        var response = await _reviewer.PostFormAsync($"/reviews/{review.Id}/steps/profile",
            Fields(("v.details", "0"), ("a.details", new string('x', 20_001))));
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(page, Does.Contain("<p class=\"error-text\">Enter no more than 20,000 characters.</p>"));
        Assert.That(page, Does.Contain("1 answer was not saved."));
        Assert.That(await _app.Get<IAnswerStore>().GetAsync(review.Id, "profile.details"), Is.Null);
    }

    [Test]
    public async Task An_autosave_with_a_note_over_the_limit_returns_the_message_and_stores_nothing()
    {
        var review = await _app.CreateReviewAsync(_reviewerUser.Id);

        var response = await _reviewer.PostAutosaveAsync($"/reviews/{review.Id}/answers/summary", $"/reviews/{review.Id}/steps/profile",
            Fields(("v.summary", "0"), ("a.summary", "Hosted on AWS."), ("a.summary.note", new string('x', 4_001))));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()),
            Is.EqualTo(new[] { "The note is longer than 4,000 characters; shorten it." }));
        Assert.That(await _app.Get<IAnswerStore>().GetAsync(review.Id, "profile.summary"), Is.Null);
    }

    [Test]
    public async Task An_answers_file_imported_into_a_review_over_a_limit_is_refused_and_changes_nothing()
    {
        var reviewId = await StartReviewAsync("Astral");
        var before = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        var yaml = $"""
            questionnaire: {"{"} id: vendor-security-diligence, version: 1.0.0 {"}"}
            answers:
              workload.criticality: {"{"} value: business-critical {"}"}
              {LongKey}: {"{"} value: {new string('x', 4_001)} {"}"}
            """;

        var page = await ImportIntoReviewAsync(reviewId, Encoding.UTF8.GetBytes(yaml), "notes.yaml");

        Assert.That(page, Does.Contain("The file was not imported; nothing was changed."));
        Assert.That(page, Does.Contain($"notes.yaml:4:41: error: answer '{LongKey}': Enter no more than 4,000 characters."));
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(reviewId), Is.EqualTo(before));
    }

    [Test]
    public async Task A_workbook_imported_into_a_review_with_a_cell_over_a_limit_names_the_cell_and_changes_nothing()
    {
        var reviewId = await StartReviewAsync("Astral");
        var before = await _app.Get<IAnswerStore>().ListAsync(reviewId);
        var workbook = await _reviewer.GetByteArrayAsync($"/reviews/{reviewId}/export?format=xlsx");
        var (edited, row) = WithAnswer(workbook, new string('x', 10_000));

        var page = await ImportIntoReviewAsync(reviewId, edited, "review.xlsx");

        Assert.That(page, Does.Contain($"Sheet 'deployment', row {row}, column C: answer '{LongKey}': Enter no more than 4,000 characters."));
        Assert.That(await _app.Get<IAnswerStore>().ListAsync(reviewId), Is.EqualTo(before));
    }

    [Test]
    public async Task A_library_workbook_with_a_ten_million_character_cell_is_refused_and_changes_nothing()
    {
        var vendor = await _app.FindAsync("Astralog");
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var before = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);
        // Excel and ClosedXML write at most 32,767 characters to a cell; a hand-made file holds any number.
        var (marked, _) = WithAnswer(await client.GetByteArrayAsync("/portal?handler=export&format=xlsx"), "LONG-ANSWER");
        var edited = HostileWorkbooks.Replacing(marked, "LONG-ANSWER", new string('x', 10_000_000));

        var response = await client.PostFileAsync("/portal?handler=import", "/portal", "upload", edited, "library.xlsx");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(edited, Has.Length.LessThan(1024 * 1024), "the upload fits the request limit");
        Assert.That(page, Does.Contain("Nothing was changed."));
        Assert.That(page, Does.Contain(WorkbookPackage.CellTooLong));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendor.Id), Is.EqualTo(before));
    }

    [Test]
    public async Task A_library_answers_file_over_a_limit_is_refused_and_changes_nothing()
    {
        var vendor = await _app.FindAsync("Astronomer");
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var before = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);
        var yaml = $"""
            questionnaire: {"{"} id: vendor-security-diligence, version: 1.0.0 {"}"}
            answers:
              {LongKey}: {"{"} value: Dedicated clusters., note: {new string('x', 4_001)} {"}"}
            """;

        var response = await client.PostFileAsync("/portal?handler=import", "/portal", "upload", Encoding.UTF8.GetBytes(yaml), "library.yaml");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(page, Does.Contain("Nothing was changed."));
        Assert.That(page, Does.Contain($"library.yaml:3:41: error: answer '{LongKey}': The note is longer than 4,000 characters; shorten it."));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendor.Id), Is.EqualTo(before));
    }

    /// <summary>The exported workbook with <see cref="LongKey"/>'s answer cell set to <paramref name="answer"/>, and its row.</summary>
    private static (byte[] Workbook, int Row) WithAnswer(byte[] exported, string answer)
    {
        using var workbook = new XLWorkbook(new MemoryStream(exported));
        var sheet = workbook.Worksheet("deployment");
        var row = sheet.RowsUsed().First(r => r.Cell(WorkbookLayout.KeyColumn).GetString() == LongKey).RowNumber();
        sheet.Cell(row, WorkbookLayout.AnswerColumn).SetValue(answer);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        return (saved.ToArray(), row);
    }

    private async Task<Guid> StartReviewAsync(string vendorName)
    {
        var vendor = await _app.FindAsync(vendorName);
        var created = await _reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private async Task<string> ImportIntoReviewAsync(Guid reviewId, byte[] bytes, string fileName)
    {
        var response = await _reviewer.PostFileAsync($"/reviews/{reviewId}?handler=import", $"/reviews/{reviewId}", "upload", bytes, fileName);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
