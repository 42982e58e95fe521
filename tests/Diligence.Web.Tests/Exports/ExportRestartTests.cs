using System.Net;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Reports;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Exports;

/// <summary>The exports table is the queue of record: a restart loses no export, and a failed one comes back with Retry.</summary>
public sealed class ExportRestartTests
{
    [Test]
    public async Task An_export_queued_before_a_restart_becomes_ready_after_it()
    {
        // The first host queues exports but runs no job server, as a node stopped before its job ran.
        using var app = new TestApp(new Dictionary<string, string> { ["Jobs:RunJobs"] = "false" });
        var (reviewer, user) = await app.SignInAsAsync(Role.Reviewer);
        var reviewId = await app.StartReviewAsync(reviewer);
        var exportId = await app.RequestExportAsync(reviewer, reviewId);
        Assert.That((await app.Get<IExportStore>().GetAsync(exportId))!.State, Is.EqualTo(ExportState.Queued));

        app.Restart(new Dictionary<string, string> { ["Jobs:RunJobs"] = "true" });
        var export = await app.WaitUntilFinishedAsync(exportId);

        Assert.That((export.State, export.Attempts, export.Error), Is.EqualTo((ExportState.Ready, 1, (string?)null)));
        var client = await app.SignInAsync(user);
        var pdf = await client.GetByteArrayAsync($"/exports/{exportId}/pdf");
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task Without_chromium_health_says_so_and_an_export_fails_with_the_reason_then_a_retry_after_the_fix_makes_it_ready()
    {
        const string Missing = "/nonexistent/chromium";
        using var app = new TestApp(new Dictionary<string, string> { ["Reports:ChromiumPath"] = Missing });
        var (reviewer, user) = await app.SignInAsAsync(Role.Reviewer);
        var reviewId = await app.StartReviewAsync(reviewer);
        var expected = $"Chromium was not found at '{Missing}' (from the configured path, Reports:ChromiumPath); " +
            "install the Debian package 'chromium' (apt-get install chromium; 'chromium-headless-shell' prints the same PDFs " +
            "with less memory) or correct the path.";

        var health = await app.Client().GetAsync("/healthz");
        using (var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(body.RootElement.GetProperty("chromium").GetString(), Is.EqualTo(expected));
        }
        var exportId = await app.RequestExportAsync(reviewer, reviewId);
        var failed = await app.WaitUntilFinishedAsync(exportId);
        var page = await reviewer.GetStringAsync($"/reviews/{reviewId}/exports");

        Assert.That((failed.State, failed.Error), Is.EqualTo((ExportState.Failed, expected)));
        Assert.That(page, Does.Contain($"<p class=\"error-text\">{Html(expected)}</p>").And.Contain(">Retry</button>"));
        Assert.That(page, Does.Not.Contain(" at Diligence."), "no stack trace");

        app.Restart(new Dictionary<string, string> { ["Reports:ChromiumPath"] = "" });
        var client = await app.SignInAsync(user);
        var retry = await client.PostFormAsync($"/reviews/{reviewId}/exports?handler=Retry", Fields(("ExportId", exportId.ToString())), $"/reviews/{reviewId}/exports");
        var ready = await app.WaitUntilFinishedAsync(exportId);

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((ready.State, ready.Error, ready.Attempts), Is.EqualTo((ExportState.Ready, (string?)null, 2)));
        Assert.That((await app.Client().GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var again = await client.PostFormAsync($"/reviews/{reviewId}/exports?handler=Retry", Fields(("ExportId", exportId.ToString())), $"/reviews/{reviewId}/exports");
        Assert.That(await client.GetStringAsync(again.Headers.Location!.OriginalString),
            Does.Contain(Html(Diligence.Web.Pages.Reviews.ExportsModel.NothingToRetry)));
        Assert.That(ChromiumLocator.Locate(null), Does.EndWith("chromium-headless-shell"), "the fix: Chromium from the system path");
    }
}
