using System.Net;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;
using Diligence.Web.Tests.Library;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Exports;

/// <summary>What the export tests do as users: start a review of a sample vendor, request its PDF, wait for the job.</summary>
internal static class ExportSteps
{
    // A bound on the wait for a background render, not a timing assertion: a render takes a second or two.
    private static readonly TimeSpan RenderWait = TimeSpan.FromSeconds(120);

    /// <summary>A new review of a sample vendor, prefilled from its library, started by <paramref name="reviewer"/>.</summary>
    public static async Task<Guid> StartReviewAsync(this TestApp app, HttpClient reviewer, string vendorName = "Astronomer")
    {
        var vendor = await app.FindAsync(vendorName);
        var created = await reviewer.PostFormAsync("/reviews/new", Fields(("VendorId", vendor.Id.ToString()), ("Questionnaire", SampleVendors.Questionnaire)));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// <summary>Posts the export form as a browser would; returns the new export's id.</summary>
    public static async Task<Guid> RequestExportAsync(this TestApp app, HttpClient client, Guid reviewId, string paper = "A4")
    {
        var before = (await app.Get<IExportStore>().ListForReviewAsync(reviewId)).Select(e => e.Id).ToHashSet();
        var response = await client.PostFormAsync($"/reviews/{reviewId}/exports", Fields(("Paper", paper)));
        Assert.That((response.StatusCode, response.Headers.Location?.OriginalString),
            Is.EqualTo((HttpStatusCode.Redirect, $"/reviews/{reviewId}/exports")));
        return (await app.Get<IExportStore>().ListForReviewAsync(reviewId)).Single(e => !before.Contains(e.Id)).Id;
    }

    /// <summary>Waits until the export reaches a finished state (ready or failed) and returns it.</summary>
    public static async Task<Export> WaitUntilFinishedAsync(this TestApp app, Guid exportId)
    {
        var store = app.Get<IExportStore>();
        var deadline = DateTime.UtcNow + RenderWait;
        while (true)
        {
            var export = await store.GetAsync(exportId) ?? throw new InvalidOperationException("The export vanished.");
            if (export.State is ExportState.Ready or ExportState.Failed || DateTime.UtcNow > deadline)
            {
                return export;
            }
            await Task.Delay(200);
        }
    }
}
