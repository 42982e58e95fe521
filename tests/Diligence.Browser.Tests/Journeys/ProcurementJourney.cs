using Diligence.Browser.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>Procurement reads a review, exports the committee PDF and downloads it, and is offered nothing to edit.</summary>
public sealed class ProcurementJourney : BrowserTest
{
    [Test]
    public async Task Procurement_reads_a_review_exports_and_downloads_the_write_up_and_sees_nothing_editable()
    {
        var reviewer = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(reviewer, "Astronomer");
        var procurement = await OpenAsNewUserAsync("Procurement");

        await procurement.GotoAsync("/");
        await procurement.Locator($"a[href='{review}']").First.ClickAsync();
        await Assertions.Expect(procurement.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Astronomer");

        // Every step reads as answers, with no field to type in and no button to press.
        await procurement.GotoAsync(review + "/steps/deployment");
        await Assertions.Expect(procurement.Locator("[data-item='deployment-models']")).ToBeVisibleAsync();
        var editable = procurement.Locator(
            "main input:not([type=hidden]):not([readonly]):not([disabled]), main textarea:not([readonly]), main select:not([disabled])");
        await Assertions.Expect(editable).ToHaveCountAsync(0);
        await Assertions.Expect(procurement.Locator("main button")).ToHaveCountAsync(0);

        var (fileName, pdf) = await UserActions.ExportPdfAsync(procurement, review);
        Assert.That(fileName, Does.StartWith("Astronomer - Astro - security write-up - ").And.EndWith(".pdf"));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.That(document.NumberOfPages, Is.GreaterThan(3));
        Assert.That(text, Does.Contain("Astronomer").And.Contain("Certification coverage"));
    }
}
