using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Hosting;
using Diligence.Web.Library;
using Diligence.Web.Pages;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Library;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// Hostile values in every field of every form and API endpoint: never a server error, nothing invalid stored, and markup
/// always shown as text.
/// </summary>
public sealed class BadInputTests
{
    private const string Script = "<script>alert(1)</script>";

    private static readonly string[] Payloads =
    [
        Script, "\"><img src=x onerror=alert(1)>", "'; DROP TABLE users; --", "' OR '1'='1", "../../../etc/passwd",
        "..\\..\\windows\\win.ini", "-1", "-99999999999999999999", "99999999999999999999999999", "1e309", "NaN",
        "\u0000", "a\u0000b", "\u0001", "a\u001b[2Jb", "\u007f", "\uD800", "\uFFFD", new string('x', 100_000), "", "   ",
    ];

    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private Review _review = null!;
    private Finding _finding = null!;
    private Vendor _vendor = null!;
    private HttpClient _vendorUser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        UserAccount admin;
        (_admin, admin) = await _app.SignInAsAsync(Role.Admin);
        _review = await _app.AddReviewAsync(admin.Id, ReviewStatus.InReview);
        var now = DateTimeOffset.UtcNow;
        _finding = new Finding(Guid.NewGuid(), _review.Id, FindingSource.Manual, null, "low", "Text", null, FindingStatus.Open, false, now, now, 1);
        await _app.Get<IFindingStore>().AddAsync(_finding);
        _vendor = await _app.FindAsync("Astral");
        (_vendorUser, _) = await _app.SignInAsAsync(Role.Vendor, _vendor.Id);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private IEnumerable<(string Url, string FormPage, string[] Fields)> Forms()
    {
        var review = $"/reviews/{_review.Id}";
        yield return ("/vendors/new", "/vendors/new", ["Name", "Product", "Website", "Contacts"]);
        yield return ("/reviews/new", "/reviews/new", ["VendorId", "Questionnaire"]);
        yield return ("/admin/users?handler=Create", "/admin/users", ["Email", "DisplayName", "Password", "Role"]);
        yield return ("/admin/users?handler=Role", "/admin/users", ["userId", "role"]);
        yield return ($"{review}/findings?handler=Add", $"{review}/findings", ["Severity", "Description", "Owner"]);
        yield return ($"{review}/findings?handler=Change", $"{review}/findings", ["FindingId", "Version", "Status", "Owner"]);
        yield return ($"{review}?handler=Move", review, ["To", "Version", "Decision", "Rationale"]);
        yield return ($"{review}?handler=Reassess", review, ["Version"]);
        yield return ($"{review}/steps/network", $"{review}/steps/network", ["v.inbound", "a.inbound", "go"]);
        yield return ($"{review}/steps/network?handler=Accept", $"{review}/steps/network", ["accept"]);
        var invitations = $"/vendors/{_review.VendorId}/invitations";
        yield return (invitations, invitations, ["Email"]);
        yield return ($"{invitations}?handler=revoke", invitations, ["invitationId"]);
        yield return ("/invitations?token=not-a-real-token", "/invitations?token=not-a-real-token", ["DisplayName", "Password"]);
        yield return ("/account/sign-in", "/account/sign-in", ["email", "password", "ReturnUrl"]);
        yield return ("/setup", "/setup", ["Token", "Email", "DisplayName", "Password"]);
    }

    // The vendor portal's forms, posted by a vendor user.
    private static IEnumerable<(string Url, string FormPage, string[] Fields)> PortalForms()
    {
        yield return ("/portal?handler=Submit", "/portal", ["AsOf"]);
        yield return ("/portal/steps/deployment", "/portal/steps/deployment", ["v.deployment-models", "a.deployment-models", "go"]);
    }

    [Test]
    public async Task No_form_field_value_causes_a_server_error()
    {
        var forms = Forms().Select(f => (_admin, f)).Concat(PortalForms().Select(f => (_vendorUser, f)));
        foreach (var (client, (url, formPage, fields)) in forms)
        {
            foreach (var payload in Payloads)
            {
                var response = await client.PostFormAsync(url, fields.Select(f => new KeyValuePair<string, string>(f, payload)), formPage);
                Assert.That((int)response.StatusCode, Is.LessThan(500), $"{url} with {Describe(payload)}");
                if (IsUnstorable(payload))
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{url} with {Describe(payload)}");
                    Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(WebUtility.HtmlEncode(FormTextCheck.Refusal)), url);
                }
            }
        }
    }

    [Test]
    public async Task A_control_character_in_a_field_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var name = $"Control {Guid.NewGuid():N}";

        var page = await _admin.PostFormAsync("/vendors/new", Fields(("Name", name + "\u0000"), ("Product", "Product")));
        using var script = new HttpRequestMessage(HttpMethod.Post, "/vendors/new")
        {
            Content = new FormUrlEncodedContent(Fields(("Name", name + "\u0007"),
                ("__RequestVerificationToken", HttpClientFormExtensions.AntiforgeryTokenOf(await _admin.GetStringAsync("/vendors/new"))))),
        };
        script.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var problem = await _admin.SendAsync(script);
        var autosave = await _admin.PostAutosaveAsync($"/reviews/{_review.Id}/answers/inbound", $"/reviews/{_review.Id}/steps/network",
            Fields(("v.inbound", "0"), ("a.inbound", "yes\u0001")));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<h1>Bad request</h1>").And.Contain(WebUtility.HtmlEncode(FormTextCheck.Refusal)));
        Assert.That(problem.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await problem.Content.ReadAsStringAsync(), Does.Contain(JsonEncodedText.Encode(FormTextCheck.Refusal).ToString()));
        Assert.That(autosave.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await autosave.Content.ReadAsStringAsync(), Does.Contain(JsonEncodedText.Encode(FormTextCheck.Refusal).ToString()));
        Assert.That((await _app.Get<IVendorStore>().ListAsync()).Select(v => v.Name), Has.None.StartsWith(name));
    }

    [Test]
    public async Task Uploads_with_hostile_names_wrong_types_or_too_many_bytes_are_refused_and_import_nothing()
    {
        var before = await _app.Get<ILibraryStore>().ListAsync(_vendor.Id);

        var traversal = await UploadAsync("questionnaire: { id: vendor-security-diligence, version: 1.0.0 }\nanswers:\n  no.such.key: { value: x }\n",
            "../../../etc/answers.yaml");
        var executable = await UploadAsync("MZ", "..\\..\\evil.exe");
        var controlName = await UploadAsync("answers: {}", "answers\u0001.yaml");
        var tooLarge = await UploadAsync(new string('a', (int)RequestLimits.MaxBodyBytes + 1), "big.yaml");

        Assert.That(await traversal.Content.ReadAsStringAsync(), Does.Contain("answers.yaml:3:3: error: unknown answer key").And.Not.Contain("etc/"));
        Assert.That(await executable.Content.ReadAsStringAsync(), Does.Contain(AnswersUpload.UnknownType));
        Assert.That(controlName.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await controlName.Content.ReadAsStringAsync(), Does.Contain(WebUtility.HtmlEncode(FormTextCheck.Refusal)));
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await tooLarge.Content.ReadAsStringAsync(), Does.Contain(ErrorModel.TooLarge));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(_vendor.Id), Is.EqualTo(before));
    }

    private async Task<HttpResponseMessage> UploadAsync(string text, string fileName)
    {
        var page = await _vendorUser.GetStringAsync("/portal");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "upload", fileName);
        content.Add(new StringContent(HttpClientFormExtensions.AntiforgeryTokenOf(page)), "__RequestVerificationToken");
        return await _vendorUser.PostAsync("/portal?handler=import", content);
    }

    private static bool IsUnstorable(string payload) =>
        payload.Any(c => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\u007f' or '\uFFFD' || char.IsSurrogate(c));

    [Test]
    public async Task No_autosave_value_causes_a_server_error()
    {
        var page = $"/reviews/{_review.Id}/steps/network";
        foreach (var payload in Payloads)
        {
            var response = await _admin.PostAutosaveAsync($"/reviews/{_review.Id}/answers/inbound", page,
                Fields(("v.inbound", payload), ("a.inbound", payload)));
            Assert.That((int)response.StatusCode, Is.LessThan(500), Describe(payload));
            var portal = await _vendorUser.PostAutosaveAsync("/portal/answers/deployment-models", "/portal/steps/deployment",
                Fields(("v.deployment-models", payload), ("a.deployment-models", payload)));
            Assert.That((int)portal.StatusCode, Is.LessThan(500), "portal " + Describe(payload));
            if (!payload.Contains('\0', StringComparison.Ordinal))
            {
                var unknownItem = await _admin.PostAutosaveAsync($"/reviews/{_review.Id}/answers/{Uri.EscapeDataString(payload)}", page,
                    Fields(("v.inbound", "0")));
                Assert.That((int)unknownItem.StatusCode, Is.LessThan(500), Describe(payload));
            }
        }
    }

    [Test]
    public async Task No_query_string_or_path_causes_a_server_error()
    {
        // A NUL in a path is refused by Kestrel itself (400); the in-memory test server throws instead, so it is left out.
        foreach (var payload in Payloads.Where(p => p.Length < 5000 && !p.Contains('\0', StringComparison.Ordinal)))
        {
            var escaped = Uri.EscapeDataString(payload);
            foreach (var url in new[]
            {
                $"/admin/audit?actor={escaped}&action={escaped}&from={escaped}&to={escaped}&p={escaped}",
                $"/admin/audit/export.csv?resourceId={escaped}&to={escaped}",
                $"/reviews/{_review.Id}/steps/{escaped}",
                $"/reviews/{_review.Id}/history?key={escaped}",
                $"/vendors/{escaped}",
                $"/account/sign-in?ReturnUrl={escaped}",
            })
            {
                var response = await _admin.GetAsync(url);
                Assert.That((int)response.StatusCode, Is.LessThan(500), url[..Math.Min(url.Length, 200)]);
            }
        }
    }

    [Test]
    public async Task Invalid_utf8_and_wrong_content_types_are_refused_without_a_server_error()
    {
        var page = await _admin.GetStringAsync("/vendors/new");
        var token = HttpClientFormExtensions.AntiforgeryTokenOf(page);
        var invalidUtf8 = new ByteArrayContent([.. Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Name="), 0xC3, 0x28, 0xFF, 0xFE]);
        invalidUtf8.Headers.ContentType = new("application/x-www-form-urlencoded");
        var json = new StringContent("{\"Name\":\"x\"}", Encoding.UTF8, "application/json");
        var xml = new StringContent("<Name>x</Name>", Encoding.UTF8, "text/xml");

        foreach (var content in new HttpContent[] { invalidUtf8, json, xml })
        {
            var form = await _admin.PostAsync("/vendors/new", content);
            Assert.That((int)form.StatusCode, Is.LessThan(500), content.Headers.ContentType?.ToString());
        }
        var refused = await _admin.PostAsync("/vendors/new", new ByteArrayContent([.. Encoding.ASCII.GetBytes(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Name=ok"), 0xC3, 0x28])
        {
            Headers = { ContentType = new("application/x-www-form-urlencoded") },
        });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain(WebUtility.HtmlEncode(FormTextCheck.Refusal)));
        using var autosave = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{_review.Id}/answers/inbound")
        {
            Content = new StringContent("{\"a.inbound\":\"yes\"}", Encoding.UTF8, "application/json"),
        };
        autosave.Headers.Add("X-CSRF-TOKEN", token);
        Assert.That((int)(await _admin.SendAsync(autosave)).StatusCode, Is.LessThan(500));
    }

    [Test]
    public async Task Whatever_was_stored_is_valid_and_markup_is_shown_as_text()
    {
        await No_form_field_value_causes_a_server_error();

        var vendors = await _app.Get<IVendorStore>().ListAsync();
        Assert.That(vendors.Select(v => v.Name), Is.All.Not.Empty.And.All.Length.LessThanOrEqualTo(VendorDirectory.NameMaxLength));
        Assert.That(vendors.Select(v => v.Name + v.Product + v.Website), Has.None.Matches<string>(text => IsUnstorable(text ?? "")));
        Assert.That(vendors.Where(v => v.Website is not null).Select(v => VendorDirectory.IsWebAddress(v.Website)), Is.All.True);
        var users = await _app.Get<IUserStore>().ListAsync();
        Assert.That(users.Select(u => u.Email), Is.All.Contains('@'));
        var findings = await _app.Get<IFindingStore>().ListAsync(_review.Id);
        Assert.That(findings.Select(f => f.Text.Length), Is.All.InRange(1, FindingsService.DescriptionMaxLength));

        foreach (var url in new[] { "/vendors", $"/reviews/{_review.Id}", $"/reviews/{_review.Id}/findings", $"/reviews/{_review.Id}/history", "/admin/users", "/admin/audit", "/admin/access-review", "/" })
        {
            var html = await _admin.GetStringAsync(url);
            Assert.That(html, Does.Not.Contain(Script).And.Not.Contain("<img src=x"), url);
        }
    }

    private static string Describe(string payload) => payload.Length > 40 ? $"{payload.Length} characters" : $"'{payload}'";
}
