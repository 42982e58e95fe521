using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Web.Tests.Exports;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// Every download the app offers, each fetched by someone allowed to: an attachment kept out of every cache. A new
/// download belongs in <see cref="Downloads"/>.
/// </summary>
public sealed class DownloadTests
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _vendor = null!;
    private Guid _reviewId;
    private Guid _vendorId;
    private Guid _exportId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_admin, _) = await _app.SignInAsAsync(Role.Admin);
        _reviewId = await _app.StartReviewAsync(_admin);
        _vendorId = (await _app.Get<IReviewStore>().GetAsync(_reviewId))!.VendorId;
        (_vendor, _) = await _app.SignInAsAsync(Role.Vendor, _vendorId);
        _exportId = await _app.RequestExportAsync(_admin, _reviewId);
        Assert.That((await _app.WaitUntilFinishedAsync(_exportId)).State, Is.EqualTo(ExportState.Ready));
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    public static IEnumerable<TestCaseData> Downloads()
    {
        yield return new TestCaseData("admin", "/exports/{export}/pdf").SetName("The write-up PDF");
        yield return new TestCaseData("admin", "/reviews/{review}/export?format=yaml").SetName("A review's answers as YAML");
        yield return new TestCaseData("admin", "/reviews/{review}/export?format=xlsx").SetName("A review's answers as a workbook");
        yield return new TestCaseData("admin", "/vendors/{vendor}/library?handler=Export").SetName("A vendor library as YAML");
        yield return new TestCaseData("admin", "/vendors/{vendor}/library?handler=Export&format=xlsx").SetName("A vendor library as a workbook");
        yield return new TestCaseData("vendor", "/portal?handler=Export").SetName("The vendor's own library as YAML");
        yield return new TestCaseData("vendor", "/portal?handler=Export&format=xlsx").SetName("The vendor's own library as a workbook");
        yield return new TestCaseData("admin", "/admin/audit/export.csv").SetName("The audit log as CSV");
        yield return new TestCaseData("admin", "/admin/audit/export.jsonl").SetName("The audit log as JSON lines");
        yield return new TestCaseData("admin", "/admin/access-review.csv").SetName("The access review as CSV");
    }

    [TestCaseSource(nameof(Downloads))]
    public async Task A_download_is_an_attachment_that_no_cache_keeps(string who, string route)
    {
        var client = who == "vendor" ? _vendor : _admin;
        var url = route.Replace("{export}", _exportId.ToString(), StringComparison.Ordinal)
            .Replace("{review}", _reviewId.ToString(), StringComparison.Ordinal)
            .Replace("{vendor}", _vendorId.ToString(), StringComparison.Ordinal);

        using var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("no-store, private"));
    }
}
