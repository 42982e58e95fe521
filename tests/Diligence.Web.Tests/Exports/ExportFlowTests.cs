using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Web.Exports;
using Diligence.Web.Hosting;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Diligence.Web.Tests.Exports;

/// <summary>Export PDF from a review: queued → rendering → ready, downloaded by staff only, rendered once however often its job runs.</summary>
public sealed class ExportFlowTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;
    private Guid _reviewId;

    [OneTimeSetUp]
    public async Task Start()
    {
        // The dispatcher runs at start-up only, so an export created straight in the store waits for the test's own job runs.
        _app = new TestApp(new Dictionary<string, string> { ["Jobs:DispatchIntervalSeconds"] = "3600" });
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
        _reviewId = await _app.StartReviewAsync(_reviewer);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Procurement_exports_a_review_and_downloads_a_pdf_with_its_sha256_name_and_answer_provenance()
    {
        var answers = await _app.Get<IAnswerStore>().ListAsync(_reviewId);
        var provenance = _app.Get<IProvenanceStore>();
        var prefilled = (await provenance.ListAsync(_reviewId)).Select(p => p.Key).ToList();
        Assert.That(prefilled, Has.Count.GreaterThan(2), "the sample vendor's library prefills the review");
        await provenance.ConfirmAsync(_reviewId, prefilled[0], _reviewerUser.Id, DateTimeOffset.UtcNow);
        var overridden = answers.Single(a => a.Key == prefilled[1]);
        // The reviewer's own note makes the answer differ from the vendor's: overridden.
        var changed = JsonNode.Parse(overridden.ValueJson)!;
        changed["note"] = "Checked with the vendor's security team.";
        await _app.Get<IAnswerStore>().SaveAsync(_reviewId, overridden.Key, changed.ToJsonString(), overridden.Version, _reviewerUser.Id, DateTimeOffset.UtcNow);
        var (procurement, procurementUser) = await _app.SignInAsAsync(Role.Procurement);

        var exportId = await _app.RequestExportAsync(procurement, _reviewId, "Letter");
        var export = await _app.WaitUntilFinishedAsync(exportId);
        var response = await procurement.GetAsync($"/exports/{exportId}/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.That((export.State, export.Error), Is.EqualTo((ExportState.Ready, (string?)null)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        var disposition = response.Content.Headers.ContentDisposition!;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((disposition.DispositionType, disposition.FileName?.Trim('"')),
            Is.EqualTo(("attachment", $"Astronomer - Astro - security write-up - {today} - Letter.pdf")));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(pdf)), Is.EqualTo(export.Sha256));
        Assert.That((export.SizeBytes, export.Paper), Is.EqualTo(((long?)pdf.Length, "Letter")));
        using var document = PdfDocument.Open(pdf);
        Assert.That(document.NumberOfPages, Is.EqualTo(export.PageCount));
        Assert.That(document.GetPage(1).Width, Is.EqualTo(612).Within(1), "US Letter is 8.5 in wide");
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("Vendor-supplied").And.Contain("Reviewer-confirmed").And.Contain("Reviewer-overridden"));

        var events = await EventsOfAsync(exportId);
        Assert.That(events.Select(e => (e.Action, e.Actor)), Is.EqualTo(new[]
        {
            (AuditActions.ExportRequested, procurementUser.Email),
            (AuditActions.ExportDownloaded, procurementUser.Email),
        }));
    }

    [Test]
    public async Task A4_and_letter_exports_of_one_review_download_under_names_that_say_their_paper()
    {
        var reviewId = await _app.StartReviewAsync(_reviewer);
        var a4 = await _app.WaitUntilFinishedAsync(await _app.RequestExportAsync(_reviewer, reviewId, "A4"));
        var letter = await _app.WaitUntilFinishedAsync(await _app.RequestExportAsync(_reviewer, reviewId, "Letter"));

        var names = new List<string?>();
        foreach (var export in new[] { a4, letter })
        {
            var response = await _reviewer.GetAsync($"/exports/{export.Id}/pdf");
            names.Add(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(names, Is.EqualTo(new[]
        {
            $"Astronomer - Astro - security write-up - {today} - A4.pdf",
            $"Astronomer - Astro - security write-up - {today} - Letter.pdf",
        }));
    }

    [Test]
    public async Task The_queued_notice_is_gone_once_the_export_it_announced_is_ready()
    {
        var reviewId = await _app.StartReviewAsync(_reviewer);
        var exportId = await _app.RequestExportAsync(_reviewer, reviewId);
        var export = await _app.WaitUntilFinishedAsync(exportId);

        // The page the post redirected to, opened after the render finished.
        var page = await _reviewer.GetStringAsync($"/reviews/{reviewId}/exports");

        Assert.That(export.State, Is.EqualTo(ExportState.Ready));
        Assert.That(page, Does.Not.Contain("id=\"export-notice\"").And.Not.Contain("PDF export queued"));
        Assert.That(page, Does.Contain($"data-export-id=\"{exportId}\" data-state=\"ready\""));
    }

    [Test]
    public async Task The_pdf_of_a_rejected_review_names_the_decision_who_recorded_it_when_and_why_and_who_raised_each_finding()
    {
        var review = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.ReadyForCommittee);
        var added = await _reviewer.PostFormAsync($"/reviews/{review.Id}/findings?handler=Add",
            Reviews.ReviewBuilder.Fields(("Severity", "high"), ("Description", "Backups are not encrypted.")), $"/reviews/{review.Id}/findings");
        var decided = await _reviewer.PostFormAsync($"/reviews/{review.Id}?handler=Move", Reviews.ReviewBuilder.Fields(
            ("To", "Decided"), ("Version", "1"), ("Decision", "Reject"), ("Rationale", "Unencrypted backups are a hard stop.")), $"/reviews/{review.Id}");
        var decidedOn = (await _app.Get<IReviewStore>().GetAsync(review.Id))!.DecidedAt!.Value.UtcDateTime
            .ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var export = await _app.WaitUntilFinishedAsync(await _app.RequestExportAsync(_reviewer, review.Id));
        using var document = PdfDocument.Open(await _reviewer.GetByteArrayAsync($"/exports/{export.Id}/pdf"));
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.That((added.StatusCode, decided.StatusCode, export.State), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect, ExportState.Ready)));
        Assert.That(text, Does.Contain($"Committee decision: Rejected on {decidedOn}, recorded by {_reviewerUser.DisplayName}."));
        Assert.That(text, Does.Contain("Rationale: Unencrypted backups are a hard stop."));
        Assert.That(text, Does.Contain($"Person: {_reviewerUser.DisplayName}"));
    }

    [Test]
    public async Task The_status_endpoint_lists_the_reviews_exports_newest_first_with_their_state()
    {
        var store = _app.Get<IExportStore>();
        var reviewId = await _app.StartReviewAsync(_reviewer, "Astral");
        var older = await CreateQueuedAsync(reviewId, DateTimeOffset.UtcNow.AddMinutes(-1));
        var newer = await CreateQueuedAsync(reviewId, DateTimeOffset.UtcNow);
        await store.TryClaimAsync(older, "test-node", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        await store.FailAsync(older, "test-node", ExportFailure.Unexpected, DateTimeOffset.UtcNow);

        using var json = JsonDocument.Parse(await _reviewer.GetStringAsync($"/reviews/{reviewId}/exports/status"));

        var rows = json.RootElement.GetProperty("exports").EnumerateArray()
            .Select(e => (e.GetProperty("id").GetGuid(), e.GetProperty("state").GetString(), e.GetProperty("label").GetString(),
                e.GetProperty("error").GetString(), e.GetProperty("downloadUrl").GetString()))
            .ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            (newer, "queued", "Queued", (string?)null, (string?)null),
            (older, "failed", "Failed", ExportFailure.Unexpected, null),
        }));
        Assert.That((await _reviewer.GetAsync($"/reviews/{Guid.NewGuid()}/exports/status")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_job_that_runs_twice_or_concurrently_renders_one_pdf()
    {
        var store = _app.Get<IExportStore>();
        var exportId = await CreateQueuedAsync(_reviewId, DateTimeOffset.UtcNow);

        await Task.WhenAll(RunJobAsync(exportId), RunJobAsync(exportId));
        var first = await store.GetAsync(exportId);
        await RunJobAsync(exportId);
        var after = await store.GetAsync(exportId);

        Assert.That((first!.State, first.Attempts), Is.EqualTo((ExportState.Ready, 1)));
        Assert.That(after, Is.EqualTo(first), "a finished export never changes");
        Assert.That(Convert.ToHexStringLower(SHA256.HashData((await store.ReadPdfAsync(exportId))!)), Is.EqualTo(first.Sha256));
        Assert.That((await store.ListForReviewAsync(_reviewId)).Count(e => e.Id == exportId), Is.EqualTo(1));
    }

    [Test]
    public async Task A_render_is_one_export_span_with_its_outcome_and_the_database_work_beneath_it()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DiligenceTelemetry.Name or DataTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var exportId = await CreateQueuedAsync(_reviewId, DateTimeOffset.UtcNow);

        await RunJobAsync(exportId);

        var render = stopped.Single(a => a.DisplayName == "export.render" && Equals(a.GetTagItem("diligence.export.id"), exportId));
        Assert.That((render.GetTagItem("diligence.export.outcome"), render.GetTagItem("diligence.review.id")), Is.EqualTo(("ready", _reviewId)));
        Assert.That(stopped.Where(a => a.ParentId == render.Id).Select(a => a.DisplayName),
            Does.Contain("SqliteExportStore.GetAsync").And.Contain("SqliteExportStore.CompleteAsync"));
    }

    [Test]
    public async Task Vendors_cannot_export_or_download_and_unknown_or_unfinished_exports_are_not_found()
    {
        var review = await _app.Get<IReviewStore>().GetAsync(_reviewId);
        var (vendor, _) = await _app.SignInAsAsync(Role.Vendor, review!.VendorId);
        var ready = await CreateQueuedAsync(_reviewId, DateTimeOffset.UtcNow);
        await RunJobAsync(ready);
        var queued = await CreateQueuedAsync(_reviewId, DateTimeOffset.UtcNow);
        var countBefore = (await _app.Get<IExportStore>().ListForReviewAsync(_reviewId)).Count;

        var vendorPost = await vendor.PostAsync($"/reviews/{_reviewId}/exports", new FormUrlEncodedContent(new Dictionary<string, string> { ["Paper"] = "A4" }));
        var vendorDownload = await vendor.GetAsync($"/exports/{ready}/pdf");
        var vendorStatus = await vendor.GetAsync($"/reviews/{_reviewId}/exports/status");

        foreach (var response in new[] { vendorPost, vendorDownload, vendorStatus })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/account/denied"));
        }
        Assert.That((await _app.Get<IExportStore>().ListForReviewAsync(_reviewId)).Count, Is.EqualTo(countBefore));
        Assert.That((await _reviewer.GetAsync($"/exports/{ready}/pdf")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _reviewer.GetAsync($"/exports/{queued}/pdf")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _reviewer.GetAsync($"/exports/{Guid.NewGuid()}/pdf")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_export_post_without_an_antiforgery_token_is_refused()
    {
        var response = await _reviewer.PostAsync($"/reviews/{_reviewId}/exports", new FormUrlEncodedContent(new Dictionary<string, string> { ["Paper"] = "A4" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_paper_other_than_a4_or_letter_is_refused_with_a_message_and_nothing_is_queued()
    {
        var countBefore = (await _app.Get<IExportStore>().ListForReviewAsync(_reviewId)).Count;

        var response = await _reviewer.PostFormAsync($"/reviews/{_reviewId}/exports", Reviews.ReviewBuilder.Fields(("Paper", "A3")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"<p class=\"alert error\" role=\"alert\" id=\"export-error\">{Diligence.Web.Pages.Reviews.ExportsModel.PaperChoiceError}</p>"));
        Assert.That((await _app.Get<IExportStore>().ListForReviewAsync(_reviewId)).Count, Is.EqualTo(countBefore));
    }

    [Test]
    public async Task The_job_dashboard_is_for_admins_only()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var (procurement, _) = await _app.SignInAsAsync(Role.Procurement);

        var adminPage = await admin.GetAsync("/hangfire");
        var refused = new[] { await _reviewer.GetAsync("/hangfire"), await procurement.GetAsync("/hangfire"), await _app.Client().GetAsync("/hangfire") };

        Assert.That(adminPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(adminPage.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
        foreach (var response in refused)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/account/"));
        }
    }

    private async Task<Guid> CreateQueuedAsync(Guid reviewId, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        await _app.Get<IExportStore>().CreateAsync(new Export
        {
            Id = id,
            ReviewId = reviewId,
            RequestedBy = _reviewerUser.Id,
            RequestedAt = at,
            Paper = "A4",
            FileName = "Test - security write-up.pdf",
        });
        return id;
    }

    private async Task RunJobAsync(Guid exportId)
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ExportJob>().RunAsync(exportId);
    }

    private async Task<IReadOnlyList<AuditEvent>> EventsOfAsync(Guid exportId)
    {
        var events = new List<AuditEvent>();
        await foreach (var e in _app.Get<IAuditStore>().StreamAsync(AuditFilter.All))
        {
            if (e.ResourceId == exportId.ToString())
            {
                events.Add(e);
            }
        }
        return events;
    }
}
