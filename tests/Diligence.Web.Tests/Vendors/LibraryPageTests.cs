using System.Net;
using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Reviews;

namespace Diligence.Web.Tests.Vendors;

/// <summary>Staff read a vendor's answer library in the app (<c>/vendors/{id}/library</c>), not only as a download.</summary>
public sealed class LibraryPageTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [TestCase(Role.Reviewer)]
    [TestCase(Role.Admin)]
    [TestCase(Role.Procurement)]
    public async Task The_library_reads_step_by_step_with_each_answer_its_as_of_date_and_a_stale_marker(Role role)
    {
        var (client, _) = await _app.SignInAsAsync(role);
        var vendor = await _app.AddVendorAsync();
        var library = _app.Get<ILibraryStore>();
        await library.SaveAsync(vendor.Id, "deployment.models-offered", """{"value":["hosted","dedicated"],"asOf":"2020-01-15"}""", 0, Guid.Empty, DateTimeOffset.UtcNow);
        await library.SaveAsync(vendor.Id, "deployment.tenant-isolation", """{"value":"A database per customer."}""", 0, Guid.Empty, DateTimeOffset.UtcNow);
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.GetAsync($"/vendors/{vendor.Id}/library");
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain("<h3 id=\"library-step-deployment\">Deployment model</h3>"));
        Assert.That(page, Does.Contain("<dt>Which deployment models does the vendor offer today?</dt>"));
        Assert.That(page, Does.Contain(ReviewBuilder.Html("Hosted (multi-tenant, vendor-operated), Dedicated (single-tenant, vendor-operated)")));
        Assert.That(page, Does.Contain("As of 2020-01-15 <span class=\"badge stale\">Stale: Older than 12 months</span>"));
        Assert.That(page, Does.Contain("<dt>How is one customer isolated from another in the vendor-operated models?</dt>"));
        Assert.That(page, Does.Contain("A database per customer."));
        Assert.That(page, Does.Contain($"As of {today}</p>"), "never submitted: the day it was last changed, not stale");
        Assert.That(page, Does.Not.Contain("library-step-workload"), "a step with no answers is left out");
    }

    [Test]
    public async Task The_sample_libraries_read_their_tables_row_by_row()
    {
        var (client, _) = await _app.SignInAsAsync(Role.Reviewer);
        var astronomer = (await _app.Get<IVendorStore>().ListAsync()).First(v => v.Name.StartsWith("Astronomer", StringComparison.Ordinal));

        var page = await client.GetStringAsync($"/vendors/{astronomer.Id}/library");

        Assert.That(page, Does.Contain("<h3 id=\"library-step-data-boundary\">Data boundary</h3>"));
        Assert.That(page, Does.Match("<li>Control plane[^<]*: [^<]+: [^<]+</li>"), "a matrix row with its cells by column");
    }
}
