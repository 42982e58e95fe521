using System.Net;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Library;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Audit;

/// <summary>Each audited action writes exactly one event naming the right actor and resource.</summary>
public sealed class AuditTrailTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private UserAccount _adminUser = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_admin, _adminUser) = await _app.SignInAsAsync(Role.Admin);
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private async Task<long> LastSequenceAsync() =>
        (await _app.Get<IAuditStore>().QueryAsync(AuditFilter.All, 0, 1)).Events.FirstOrDefault()?.Sequence ?? 0;

    /// <summary>Runs the action and returns the events it wrote.</summary>
    private async Task<IReadOnlyList<AuditEvent>> EventsOf(Func<Task> action)
    {
        var before = await LastSequenceAsync();
        await action();
        var events = new List<AuditEvent>();
        await foreach (var e in _app.Get<IAuditStore>().StreamAsync(AuditFilter.All))
        {
            if (e.Sequence > before)
            {
                events.Add(e);
            }
        }
        return events;
    }

    private static void AssertOne(IReadOnlyList<AuditEvent> events, string action, string actor, string resourceType, string resourceId)
    {
        Assert.That(events.Select(e => (e.Action, e.Actor, e.ResourceType, e.ResourceId)),
            Is.EqualTo(new[] { (action, actor, resourceType, resourceId) }));
        Assert.That(events[0].RequestId, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Sign_in_and_failed_sign_in()
    {
        var user = await _app.CreateUserAsync(Role.Procurement);

        var good = await EventsOf(() => _app.SignInAsync(user));
        var bad = await EventsOf(() => _app.Client().PostFormAsync("/account/sign-in", Fields(("email", user.Email), ("password", "wrong password!"))));
        var unknown = await EventsOf(() => _app.Client().PostFormAsync("/account/sign-in", Fields(("email", "nobody@example.com"), ("password", "x"))));

        AssertOne(good, AuditActions.SignIn, user.Email, "user", user.Id.ToString());
        Assert.That(good[0].Role, Is.EqualTo("Procurement"));
        AssertOne(bad, AuditActions.SignInFailed, user.Email, "user", user.Id.ToString());
        AssertOne(unknown, AuditActions.SignInFailed, "nobody@example.com", "user", "unknown");
        Assert.That(bad[0].After + bad[0].Before, Does.Not.Contain("wrong password!"));
    }

    [Test]
    public async Task Sign_out()
    {
        var (client, user) = await _app.SignInAsAsync(Role.Reviewer);

        var events = await EventsOf(() => client.PostFormAsync("/account/sign-out", [], "/"));

        AssertOne(events, AuditActions.SignOut, user.Email, "user", user.Id.ToString());
    }

    [Test]
    public async Task User_created_and_role_changed()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var created = await EventsOf(() => _admin.PostFormAsync("/admin/users?handler=Create", Fields(
            ("Email", email), ("DisplayName", "New Person"), ("Password", TestApp.Password), ("Role", "Reviewer")), "/admin/users"));
        var user = (await _app.Get<IUserStore>().FindByEmailAsync(email))!;
        var changed = await EventsOf(() => _admin.PostFormAsync("/admin/users?handler=Role", Fields(
            ("userId", user.Id.ToString()), ("role", "Procurement")), "/admin/users"));

        AssertOne(created, AuditActions.UserCreated, _adminUser.Email, "user", user.Id.ToString());
        Assert.That(created[0].After, Does.Contain("role=Reviewer").And.Not.Contain(TestApp.Password));
        AssertOne(changed, AuditActions.UserRoleChanged, _adminUser.Email, "user", user.Id.ToString());
        Assert.That((changed[0].Before, changed[0].After), Is.EqualTo(("role=Reviewer", "role=Procurement")));
        Assert.That(changed[0].Role, Is.EqualTo("Admin"));
    }

    [Test]
    public async Task Vendor_created_and_review_created()
    {
        await _app.PublishPagesQuestionnaireAsync();
        var name = $"Audited {Guid.NewGuid():N}"[..20];
        var vendorEvents = await EventsOf(() => _reviewer.PostFormAsync("/vendors/new", Fields(("Name", name)), "/vendors"));
        var vendor = (await _app.Get<IVendorStore>().ListAsync()).Single(v => v.Name == name);
        var reviewEvents = await EventsOf(() => _reviewer.PostFormAsync("/reviews/new",
            Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", $"{QuestionnaireId}@1.0.0"))));
        var review = (await _app.Get<IReviewStore>().ListAsync()).Single(r => r.Review.VendorId == vendor.Id).Review;

        AssertOne(vendorEvents, AuditActions.VendorCreated, _reviewerUser.Email, "vendor", vendor.Id.ToString());
        AssertOne(reviewEvents, AuditActions.ReviewCreated, _reviewerUser.Email, "review", review.Id.ToString());
    }

    [Test]
    public async Task Invitation_created_used_and_revoked_without_the_token()
    {
        var vendor = await _app.CreateVendorAsync("Invited");
        var invitations = $"/vendors/{vendor.Id}/invitations";
        string? page = null;
        var created = await EventsOf(async () => page = await (await _reviewer.PostFormAsync(invitations,
            Fields(("Email", "contact@invited.example")))).Content.ReadAsStringAsync());
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(page!, "<input id=\"invitation-link\" type=\"text\" readonly value=\"([^\"]+)\"").Groups[1].Value);
        var used = await EventsOf(() => _app.Client().PostFormAsync(link.PathAndQuery,
            Fields(("DisplayName", "Vendor Contact"), ("Password", TestApp.Password))));
        var second = await EventsOf(() => _reviewer.PostFormAsync(invitations, Fields(("Email", "other@invited.example"))));
        var revoked = await EventsOf(() => _reviewer.PostFormAsync(invitations + "?handler=revoke",
            Fields(("invitationId", second[0].ResourceId)), invitations));

        AssertOne(created, AuditActions.InvitationCreated, _reviewerUser.Email, "invitation", created[0].ResourceId);
        // Using a link creates the account as part of the same action: one event, naming the account it created.
        AssertOne(used, AuditActions.InvitationUsed, "contact@invited.example", "invitation", created[0].ResourceId);
        var contact = await _app.Get<IUserStore>().FindByEmailAsync("contact@invited.example");
        Assert.That(used[0].After, Is.EqualTo($"user={contact!.Id} email=contact@invited.example role=Vendor vendor={vendor.Id}"));
        AssertOne(revoked, AuditActions.InvitationRevoked, _reviewerUser.Email, "invitation", second[0].ResourceId);
        Assert.That(created[0].After, Does.Not.Contain(link.Query.Split('=')[^1]), "the token is a credential");
    }

    [Test]
    public async Task Answer_saved_from_the_form_and_from_autosave_without_its_contents()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id);
        var steps = $"/reviews/{review.Id}/steps/network";

        var posted = await EventsOf(() => _reviewer.PostFormAsync(steps, Fields(("v.inbound", "0"), ("a.inbound", "yes"), ("go", "stay"))));
        var autosaved = await EventsOf(() => _reviewer.PostAutosaveAsync($"/reviews/{review.Id}/answers/inbound", steps,
            Fields(("v.inbound", "1"), ("a.inbound", "no"))));
        var unchanged = await EventsOf(() => _reviewer.PostAutosaveAsync($"/reviews/{review.Id}/answers/inbound", steps,
            Fields(("v.inbound", "2"), ("a.inbound", "no"))));

        AssertOne(posted, AuditActions.AnswerSaved, _reviewerUser.Email, "answer", $"{review.Id}/{InboundKey}");
        AssertOne(autosaved, AuditActions.AnswerSaved, _reviewerUser.Email, "answer", $"{review.Id}/{InboundKey}");
        Assert.That(posted[0].Before, Is.Null);
        Assert.That(posted[0].After, Does.Match("^version=1 value=sha256:[0-9a-f]{12}$"));
        Assert.That(autosaved[0].Before, Is.EqualTo(posted[0].After));
        Assert.That(autosaved[0].After, Does.StartWith("version=2 "));
        Assert.That(unchanged, Is.Empty);
    }

    [Test]
    public async Task A_vendors_library_answer_saved_from_the_form_and_from_autosave_without_its_contents()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, user) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        const string step = "/portal/steps/deployment";
        var resource = $"{vendor.Id}/deployment.tenant-isolation";

        var posted = await EventsOf(() => client.PostFormAsync(step, Fields(
            ("v.tenant-isolation", "0"), ("a.tenant-isolation", "Separate accounts per customer."), ("go", "stay"))));
        var autosaved = await EventsOf(() => client.PostAutosaveAsync("/portal/answers/tenant-isolation", step,
            Fields(("v.tenant-isolation", "1"), ("a.tenant-isolation", "One VPC per customer."))));
        var stale = await EventsOf(() => client.PostAutosaveAsync("/portal/answers/tenant-isolation", step,
            Fields(("v.tenant-isolation", "1"), ("a.tenant-isolation", "Stale edit."))));

        AssertOne(posted, AuditActions.AnswerSaved, user.Email, "library-answer", resource);
        AssertOne(autosaved, AuditActions.AnswerSaved, user.Email, "library-answer", resource);
        Assert.That(autosaved[0].Before, Is.EqualTo(posted[0].After));
        Assert.That(autosaved[0].After, Does.Match("^version=2 value=sha256:[0-9a-f]{12}$"));
        Assert.That(autosaved[0].Role, Is.EqualTo("Vendor"));
        Assert.That(stale, Is.Empty);
        Assert.That((await _app.Get<IAuditStore>().VerifyAsync()).IsIntact, Is.True);
    }

    [Test]
    public async Task A_vendors_library_submitted_and_imported_with_counts_not_contents()
    {
        var vendor = await _app.FindAsync("Astral");
        var (client, user) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        var yaml = await client.GetStringAsync("/portal?handler=export");

        var submitted = await EventsOf(() => client.PostFormAsync("/portal?handler=submit", Fields(("AsOf", "2026-11-01")), "/portal"));
        var imported = await EventsOf(() => client.PostFileAsync(
            "/portal?handler=import", "/portal", "upload", System.Text.Encoding.UTF8.GetBytes(yaml), "library.yaml"));

        AssertOne(submitted, AuditActions.LibrarySubmitted, user.Email, "vendor", vendor.Id.ToString());
        Assert.That(submitted[0].After, Does.StartWith("as-of=2026-11-01 questionnaire="));
        Assert.That(imported.Select(e => (e.Action, e.Actor, e.ResourceId)), Is.EqualTo(new[]
        {
            (AuditActions.AnswersImported, user.Email, vendor.Id.ToString()),
            (AuditActions.LibrarySubmitted, user.Email, vendor.Id.ToString()),
        }));
        Assert.That(imported[0].After, Does.Match("^answers=[0-9]+ changed=0$"));
    }

    [Test]
    public async Task Finding_added_and_changed()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.InReview);
        var url = $"/reviews/{review.Id}/findings";

        var added = await EventsOf(() => _reviewer.PostFormAsync($"{url}?handler=Add",
            Fields(("Severity", "high"), ("Description", "Secret description"), ("Owner", "Sec team")), url));
        var finding = (await _app.Get<IFindingStore>().ListAsync(review.Id)).Single();
        var changed = await EventsOf(() => _reviewer.PostFormAsync($"{url}?handler=Change", Fields(
            ("FindingId", finding.Id.ToString()), ("Version", "1"), ("Status", "Remediated"), ("Owner", "Sec team")), url));

        AssertOne(added, AuditActions.FindingAdded, _reviewerUser.Email, "finding", finding.Id.ToString());
        AssertOne(changed, AuditActions.FindingChanged, _reviewerUser.Email, "finding", finding.Id.ToString());
        Assert.That(changed[0].After, Does.Contain("status=Remediated"));
    }

    [Test]
    public async Task Lifecycle_transition_decision_and_reassessment()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);
        var url = $"/reviews/{review.Id}";

        var decided = await EventsOf(() => _reviewer.PostFormAsync($"{url}?handler=Move",
            Fields(("To", "Decided"), ("Version", "1"), ("Decision", "Approve"), ("Rationale", "Fine.")), url));
        var reassessed = await EventsOf(() => _reviewer.PostFormAsync($"{url}?handler=Reassess", [], url));
        var next = (await _app.Get<IReviewStore>().ListAsync()).Single(r => r.Review.PreviousReviewId == review.Id).Review;
        var moved = await EventsOf(() => _reviewer.PostFormAsync($"/reviews/{next.Id}?handler=Move",
            Fields(("To", "AwaitingVendor"), ("Version", "1")), $"/reviews/{next.Id}"));

        AssertOne(decided, AuditActions.ReviewDecided, _reviewerUser.Email, "review", review.Id.ToString());
        Assert.That(decided[0].After, Is.EqualTo("status=Decided decision=Approve"));
        AssertOne(reassessed, AuditActions.ReviewReassessed, _reviewerUser.Email, "review", next.Id.ToString());
        AssertOne(moved, AuditActions.ReviewStatusChanged, _reviewerUser.Email, "review", next.Id.ToString());
        var request = (await _app.Get<IVendorRequestStore>().GetAsync(next.Id))!;
        Assert.That(request.Keys, Is.Not.Empty, "the questionnaire has vendor questions left to ask");
        Assert.That((moved[0].Before, moved[0].After), Is.EqualTo(
            ("status=Draft", $"status=AwaitingVendor asked={request.Keys.Count} due={request.DueOn:yyyy-MM-dd}")));
    }

    [Test]
    public async Task Exports_are_audited_and_parse_back()
    {
        var csv = "";
        var csvEvents = await EventsOf(async () => csv = await _admin.GetStringAsync("/admin/audit/export.csv"));
        var jsonl = "";
        var jsonlEvents = await EventsOf(async () => jsonl = await _admin.GetStringAsync("/admin/audit/export.jsonl?action=sign-in"));

        AssertOne(csvEvents, AuditActions.ExportDownloaded, _adminUser.Email, "audit-log", "csv");
        AssertOne(jsonlEvents, AuditActions.ExportDownloaded, _adminUser.Email, "audit-log", "jsonl");
        var stored = new List<AuditEvent>();
        await foreach (var e in _app.Get<IAuditStore>().StreamAsync(AuditFilter.All))
        {
            stored.Add(e);
        }
        var rows = CsvReader.Parse(csv);
        Assert.That(rows[0], Is.EqualTo(new[]
        {
            "sequence", "occurred_at", "actor", "role", "action", "resource_type", "resource_id", "before", "after",
            "client_address", "request_id", "previous_hash", "hash",
        }));
        var csvEventsParsed = rows.Skip(1).Select(r => (long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r[2], r[4], r[6], r[12])).ToList();
        Assert.That(csvEventsParsed, Is.EqualTo(stored.Where(e => e.Sequence <= csvEvents[0].Sequence)
            .Select(e => (e.Sequence, e.Actor, e.Action, e.ResourceId, e.Hash)).ToList()));

        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var parsed = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(parsed.Select(p => p.GetProperty("action").GetString()), Is.All.EqualTo("sign-in"));
        Assert.That(parsed.Select(p => p.GetProperty("hash").GetString()),
            Is.EqualTo(stored.Where(e => e.Action == "sign-in").Select(e => e.Hash)));
        Assert.That((await _app.Get<IAuditStore>().VerifyAsync()).IsIntact, Is.True);
    }

    [Test]
    public async Task Access_review_lists_every_user_and_is_audited()
    {
        var csv = "";
        var events = await EventsOf(async () => csv = await _admin.GetStringAsync("/admin/access-review.csv"));
        var page = await _admin.GetStringAsync("/admin/access-review");

        AssertOne(events, AuditActions.ExportDownloaded, _adminUser.Email, "access-review", "csv");
        var rows = CsvReader.Parse(csv);
        var users = await _app.Get<IUserStore>().ListAsync();
        Assert.That(rows.Skip(1).Select(r => (r[2], r[3])), Is.EquivalentTo(users.Select(u => (u.Email, u.Role.ToString()))));
        Assert.That(page, Does.Contain(_reviewerUser.Email));
    }

    [Test]
    public async Task The_audit_page_filters_and_verifies_the_chain()
    {
        var page = await _admin.GetStringAsync($"/admin/audit?verify=true&actor={Uri.EscapeDataString(_reviewerUser.Email)}");

        Assert.That(page, Does.Match("audit chain ok: [0-9]+ events"));
        Assert.That(page, Does.Contain(AuditActions.SignIn));
        Assert.That((await _reviewer.GetAsync("/admin/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _admin.GetAsync("/admin/audit/export.csv?from=not-a-date")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Startup_publishing_is_recorded_as_system()
    {
        var published = await _app.Get<IAuditStore>().QueryAsync(new AuditFilter(Action: AuditActions.QuestionnairePublished), 0, 100);

        Assert.That(published.Events, Is.Not.Empty);
        Assert.That(published.Events.Select(e => (e.Actor, e.Role)), Is.All.EqualTo(("system", "system")));
    }
}
