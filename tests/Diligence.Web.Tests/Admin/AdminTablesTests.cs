using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Library;
using Diligence.Web.Tests.Reviews;

namespace Diligence.Web.Tests.Admin;

/// <summary>The admin tables read at a glance and fit the page: times to the second, resources by name, long values wrapping.</summary>
public sealed partial class AdminTablesTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private UserAccount _adminUser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_admin, _adminUser) = await _app.SignInAsAsync(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task The_audit_log_shows_times_to_the_second_and_resources_by_name_or_a_short_id()
    {
        var reviewer = await _app.CreateUserAsync(Role.Reviewer);
        var name = $"Audited {Guid.NewGuid():N}"[..16];
        var vendorId = Guid.Parse((await _admin.PostFormAsync("/vendors/new", ReviewBuilder.Fields(("Name", name)), "/vendors"))
            .Headers.Location!.OriginalString.Split('/')[2]);
        var reviewId = Guid.Parse((await _admin.PostFormAsync("/reviews/new",
            ReviewBuilder.Fields(("VendorId", vendorId.ToString()), ("Questionnaire", SampleVendors.Questionnaire))))
            .Headers.Location!.OriginalString.Split('/')[2]);
        await _admin.PostFormAsync($"/reviews/{reviewId}/findings?handler=Add",
            ReviewBuilder.Fields(("Severity", "low"), ("Description", "Logs are kept a week.")), $"/reviews/{reviewId}/findings");
        var findingId = (await _app.Get<IFindingStore>().ListAsync(reviewId)).Single(f => f.Source == FindingSource.Manual).Id;

        var page = await _admin.GetStringAsync("/admin/audit");
        var table = page[page.IndexOf("<table", StringComparison.Ordinal)..page.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.That(TimeElement().IsMatch(table), table);
        Assert.That(SevenDecimals().IsMatch(table), Is.False, "no fractions of a second");
        Assert.That(table, Does.Contain($"<a href=\"/reviews/{reviewId}\">Review of {name}</a>"));
        Assert.That(table, Does.Contain($"<a href=\"/vendors/{vendorId}\">{name}</a>"));
        Assert.That(table, Does.Contain($"<span title=\"{reviewer.Id}\">{ReviewBuilder.Html(reviewer.DisplayName)} ({ReviewBuilder.Html(reviewer.Email)})</span>"));
        Assert.That(table, Does.Contain($"<code title=\"{findingId}\">{findingId.ToString()[..8]}</code>"), "a resource with no page of its own");
        Assert.That(table, Does.Not.Contain($">{reviewId}<"), "no raw ids as text");
        Assert.That(page, Does.Contain("<table class=\"grid fit\""));
    }

    [TestCase("/admin/users")]
    [TestCase("/admin/access-review")]
    public async Task The_user_tables_fit_the_page_with_times_to_the_second(string url)
    {
        var page = await _admin.GetStringAsync(url);

        // The users table is also a list of cards on a phone.
        Assert.That(page, Does.Contain(url == "/admin/users" ? "<table class=\"grid fit responsive\"" : "<table class=\"grid fit\""));
        if (url == "/admin/access-review")
        {
            var created = _adminUser.CreatedAt.UtcDateTime;
            Assert.That(page, Does.Contain($"<time datetime=\"{created:yyyy-MM-ddTHH:mm:ss}Z\">{created:yyyy-MM-dd HH:mm:ss}</time>"));
        }
    }

    [GeneratedRegex("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</time>")]
    private static partial Regex TimeElement();

    [GeneratedRegex("\\d{2}:\\d{2}:\\d{2}\\.\\d{7}")]
    private static partial Regex SevenDecimals();
}
