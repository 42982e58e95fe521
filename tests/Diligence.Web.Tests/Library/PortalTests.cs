using System.Net;
using System.Text;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Library;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Library;

/// <summary>The vendor portal: library steps by the shared renderer, submit, YAML export and import, isolation.</summary>
public sealed class PortalTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_vendor_sees_only_the_items_for_vendors_rendered_by_the_shared_item_partials()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        var page = await client.GetStringAsync("/portal/steps/workload");

        Assert.That(page, Does.Contain("data-item=\"data-classes\""));
        Assert.That(page, Does.Not.Contain("data-item=\"workload-description\""), "reviewer-only item");
        Assert.That(page, Does.Contain("data-autosave=\"/portal/answers\""));
        Assert.That(page, Does.Contain("name=\"a.data-classes.asOf\""));
    }

    [Test]
    public async Task The_step_form_and_autosave_save_into_the_vendors_library_with_concurrency()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        var post = await client.PostFormAsync("/portal/steps/deployment", Fields(
            ("v.tenant-isolation", "0"), ("a.tenant-isolation", "Separate accounts per customer."),
            ("a.tenant-isolation.asOf", "2026-10-01"), ("go", "stay")));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var stored = (await _app.Get<ILibraryStore>().ListAsync(vendor.Id)).Single(a => a.Key == "deployment.tenant-isolation");
        Assert.That(stored.ValueJson, Does.Contain("Separate accounts per customer.").And.Contain("2026-10-01"));

        var autosave = await client.PostAutosaveAsync("/portal/answers/tenant-isolation", "/portal/steps/deployment",
            Fields(("v.tenant-isolation", "1"), ("a.tenant-isolation", "One VPC per customer.")));
        Assert.That(autosave.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stale = await client.PostAutosaveAsync("/portal/answers/tenant-isolation", "/portal/steps/deployment",
            Fields(("v.tenant-isolation", "1"), ("a.tenant-isolation", "Stale edit.")));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var reviewerOnly = await client.PostAutosaveAsync("/portal/answers/workload-description", "/portal/steps/deployment",
            Fields(("v.workload-description", "0"), ("a.workload-description", "Not for vendors.")));
        Assert.That(reviewerOnly.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _app.Get<ILibraryStore>().HistoryAsync(vendor.Id, "deployment.tenant-isolation")).Count, Is.EqualTo(2));
        var history = await client.GetStringAsync("/portal/history");
        Assert.That(history, Does.Contain("One VPC per customer.").And.Contain("Separate accounts per customer."));
    }

    [Test]
    public async Task Submit_marks_the_library_current_as_of_the_date()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        var response = await client.PostFormAsync("/portal?handler=submit", Fields(("AsOf", "2026-11-01")), "/portal");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var status = await _app.Get<ILibraryStore>().GetStatusAsync(vendor.Id);
        Assert.That((status.AsOf, status.QuestionnaireVersion), Is.EqualTo(((DateOnly?)new DateOnly(2026, 11, 1), "1.0.0")));
        Assert.That(await client.GetStringAsync("/portal"), Does.Contain("Current as of 2026-11-01"));
    }

    [TestCase("Astronomer")]
    [TestCase("Astral")]
    [TestCase("Astralog")]
    public async Task A_sample_library_exported_and_imported_back_changes_nothing(string name)
    {
        var vendor = await _app.FindAsync(name);
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var before = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);
        Assert.That(before, Is.Not.Empty, "imported at start-up");

        var yaml = await client.GetStringAsync("/portal?handler=export");
        var import = await UploadAsync(client, yaml, "library.yaml");

        Assert.That(import, Does.Contain("Imported: 0 answers changed."));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendor.Id), Is.EqualTo(before));
        Assert.That(await client.GetStringAsync("/portal?handler=export"), Is.EqualTo(yaml));
    }

    [Test]
    public async Task A_file_with_errors_reports_each_with_its_line_and_column_and_imports_nothing()
    {
        var vendor = await _app.FindAsync("Astral");
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var before = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);
        var yaml = """
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            answers:
              deployment.tenant-isolation: { value: Fine. }
              no.such.key: { value: x }
              workload.data-classes: { value: [not-an-option] }
            """;

        var page = await UploadAsync(client, yaml, "bad.yaml");

        Assert.That(page, Does.Contain("Nothing was changed."));
        Assert.That(page, Does.Contain("bad.yaml:4:3: error: unknown answer key &#x27;no.such.key&#x27;"));
        Assert.That(page, Does.Contain("bad.yaml:5:36: error:"));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendor.Id), Is.EqualTo(before));
    }

    [Test]
    public async Task A_library_import_refuses_each_answer_to_a_reviewer_only_item_and_changes_nothing()
    {
        var vendor = await _app.FindAsync("Astronomer");
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var before = await _app.Get<ILibraryStore>().ListAsync(vendor.Id);
        var yaml = """
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            answers:
              deployment.tenant-isolation: { value: Fine. }
              workload.criticality: { value: business-critical }
              deployment.model-chosen: { value: hosted }
            """;

        var page = WebUtility.HtmlDecode(await UploadAsync(client, yaml, "reviewer.yaml"));

        Assert.That(page, Does.Contain("Nothing was changed."));
        Assert.That(page, Does.Contain("reviewer.yaml:4:3: error: answer key 'workload.criticality' is for reviewers only; a vendor library holds only the items vendors answer"));
        Assert.That(page, Does.Contain("reviewer.yaml:5:3: error: answer key 'deployment.model-chosen' is for reviewers only; a vendor library holds only the items vendors answer"));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendor.Id), Is.EqualTo(before));
    }

    [Test]
    public async Task A_file_that_is_not_an_answers_file_is_refused()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        Assert.That(await UploadAsync(client, "hello", "notes.txt"), Does.Contain(AnswersUpload.UnknownType));
        Assert.That(await UploadBytesAsync(client, [0xff, 0xfe, 0x00], "binary.yaml"), Does.Contain(AnswersUpload.NotText));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendor.Id), Is.Empty);
    }

    [Test]
    public async Task A_vendor_gets_404_for_another_vendors_request_and_sees_only_its_own_library()
    {
        var mine = await _app.FindAsync("Astral");
        var theirs = await _app.FindAsync("Astralog");
        var (reviewer, reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", theirs.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        var reviewId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        await _app.MoveToAwaitingVendorAsync(reviewId);
        var (vendor, _) = await _app.SignInAsAsync(Role.Vendor, mine.Id);

        Assert.That((await vendor.GetAsync($"/portal/requests/{reviewId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await vendor.GetAsync($"/portal/requests/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var portal = await vendor.GetStringAsync("/portal");
        Assert.That(portal, Does.Contain("Astral: your answers").And.Not.Contain("Astralog"));
        var export = await vendor.GetStringAsync("/portal?handler=export");
        Assert.That(export, Does.Contain("name: \"Astral\""));
        foreach (var staffUrl in new[] { $"/reviews/{reviewId}", $"/reviews/{reviewId}/steps", $"/vendors/{theirs.Id}", $"/vendors/{mine.Id}/invitations" })
        {
            var response = await vendor.GetAsync(staffUrl);
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), staffUrl);
        }
        var theirsOwner = await _app.SignInAsAsync(Role.Vendor, theirs.Id);
        Assert.That((await theirsOwner.Client.GetAsync($"/portal/requests/{reviewId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static Task<string> UploadAsync(HttpClient client, string text, string fileName) =>
        UploadBytesAsync(client, Encoding.UTF8.GetBytes(text), fileName);

    private static async Task<string> UploadBytesAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var response = await client.PostFileAsync("/portal?handler=import", "/portal", "upload", bytes, fileName);
        return await response.Content.ReadAsStringAsync();
    }
}
