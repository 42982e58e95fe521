using System.Text.RegularExpressions;
using Diligence.Browser.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>
/// A reviewer's whole review of Astronomer: every step in order, every kind of question, answers saved as they go,
/// conditional and follow-up questions, a refused value, a raised finding, the lifecycle to a decision and the PDF.
/// </summary>
public sealed class ReviewerJourney : BrowserTest
{
    private IPage _page = null!;

    [Test]
    public async Task A_reviewer_walks_every_step_decides_and_reads_the_committee_pdf()
    {
        _page = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(_page, "Astronomer");
        await _page.GotoAsync(review + "/steps/workload");

        // 1. Workload profile: markdown, multi-choice with an exclusive option and "other", single choice.
        await Item("workload-description").GetByRole(AriaRole.Textbox).First.FillAsync("Nightly **claims** pipelines.");
        await ExpectSavedAfterLeavingAsync("workload-description");
        await Item("data-classes").GetByLabel("Personal data (PII)").CheckAsync();
        await Item("data-classes").GetByLabel("No customer data").CheckAsync();
        await LeaveAsync();
        await Assertions.Expect(Item("data-classes").Locator(".error-text"))
            .ToHaveTextAsync("'No customer data' cannot be combined with other choices.");
        await Item("data-classes").GetByLabel("No customer data").UncheckAsync();
        await Item("data-classes").GetByLabel("Other", new() { Exact = true }).CheckAsync();
        await Item("data-classes").GetByLabel("Other, explain").FillAsync("Claims images");
        await ExpectSavedAfterLeavingAsync("data-classes");
        await Item("compliance-surface").GetByLabel("HIPAA").CheckAsync();
        await Item("criticality").GetByLabel("Business-critical", new() { Exact = false }).CheckAsync();
        await SaveAndContinueAsync("deployment");

        // 2. Deployment model: the model this engagement uses.
        await Item("deployment-model-chosen").GetByLabel("Hosted (multi-tenant, vendor-operated)").CheckAsync();
        await SaveAndContinueAsync("data-boundary");

        // 3. Data boundary: a matrix cell, a question that appears and disappears, a number refused then taken.
        var cell = Item("boundary").GetByRole(AriaRole.Textbox).First;
        await cell.FillAsync("Astronomer's AWS account");
        await ExpectSavedAfterLeavingAsync("boundary");
        await Item("ai-in-use").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(Item("ai-models")).ToBeVisibleAsync();
        await Item("ai-in-use").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(Item("ai-models")).ToBeHiddenAsync();
        await Item("disposal-days").GetByRole(AriaRole.Textbox).FillAsync("-5");
        await LeaveAsync();
        await Assertions.Expect(Item("disposal-days").Locator(".error-text")).ToHaveTextAsync("Enter a number no less than 0.");
        await Item("disposal-days").GetByRole(AriaRole.Textbox).FillAsync("30");
        await ExpectSavedAfterLeavingAsync("disposal-days");
        await SaveAndContinueAsync("network");

        // 4. Network posture: a risky answer asks its follow-up at once and raises a finding.
        await Item("inbound-required").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        var followUp = Item("inbound-required").GetByLabel("Which compensating controls limit that access?");
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await followUp.FillAsync("A bastion host, allow-listed addresses only.");
        await ExpectSavedAfterLeavingAsync("inbound-required");
        await SaveAndContinueAsync("shared-responsibility");

        // 5. Shared responsibility: a repeat list, an entry added and one removed.
        var obligations = Item("vendor-obligations");
        var before = await obligations.Locator("details.repeat-entry").CountAsync();
        await obligations.GetByRole(AriaRole.Button, new() { Name = "Add vendor obligation" }).ClickAsync();
        await Assertions.Expect(Item("vendor-obligations").Locator("details.repeat-entry")).ToHaveCountAsync(before + 1);
        await Item("vendor-obligations").Locator("details.repeat-entry").Last.GetByRole(AriaRole.Textbox).First
            .FillAsync("Patch the control plane within 30 days.");
        await ExpectSavedAfterLeavingAsync("vendor-obligations");
        await Item("vendor-obligations").GetByRole(AriaRole.Button, new() { Name = $"Remove vendor obligation {before + 1}" }).ClickAsync();
        await Assertions.Expect(Item("vendor-obligations").Locator("details.repeat-entry")).ToHaveCountAsync(before);
        await SaveAndContinueAsync("certifications");

        // 6-9. Certifications, governance, audit, identity: the vendor's answers stand.
        await SaveAndContinueAsync("governance");
        await Item("rbac").GetByLabel("Scoped", new() { Exact = false }).First.CheckAsync();
        await SaveAndContinueAsync("audit");
        await SaveAndContinueAsync("identity");
        await SaveAndContinueAsync("pilot");

        // 10. Pilot: dates.
        await Item("pilot-start").GetByRole(AriaRole.Textbox, new() { Name = "Pilot start" }).FillAsync("2027-01-11");
        await Item("pilot-end").GetByRole(AriaRole.Textbox, new() { Name = "Pilot end" }).FillAsync("2027-02-05");
        await ExpectSavedAfterLeavingAsync("pilot-end");
        await SaveAndContinueAsync("evidence");

        // 11. Evidence register: an evidence item with a URL and its availability.
        var architecture = Item("evidence-architecture");
        await architecture.GetByLabel("Title", new() { Exact = true }).FillAsync("Astro architecture diagrams");
        await architecture.GetByLabel("Link", new() { Exact = true }).FillAsync("https://www.astronomer.io/trust/");
        await architecture.GetByLabel("Availability").SelectOptionAsync("On request");
        await ExpectSavedAfterLeavingAsync("evidence-architecture");
        await SaveAndContinueAsync("recommendation");

        // 12. Findings and recommendation.
        await Item("risk-rating").GetByLabel("Moderate").CheckAsync();
        await Item("decision").GetByLabel("Approve with conditions").CheckAsync();
        await Item("recommendation-text").GetByRole(AriaRole.Textbox).First.FillAsync("Approve once the bastion is in place.");
        await ExpectSavedAfterLeavingAsync("recommendation-text");

        // The finding the inbound answer raised is listed.
        await _page.GotoAsync(review + "/findings");
        await Assertions.Expect(_page.GetByText("The vendor requires inbound access into the customer network.").First).ToBeVisibleAsync();

        // The committee decides; the PDF states the decision apart from the recommendation.
        await UserActions.DecideAsync(_page, review, "Rejected", "Inbound access is not acceptable for claims data.");
        var (_, pdf) = await UserActions.ExportPdfAsync(_page, review);
        using var document = PdfDocument.Open(pdf);
        // Compared without spaces: a PDF's text runs lose the space where a table cell wraps its line.
        var text = Compact(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.That(text, Does.Contain(Compact("Committee decision Rejected")));
        Assert.That(text, Does.Contain(Compact("Inbound access is not acceptable for claims data.")));
        Assert.That(text, Does.Contain(Compact("The vendor requires inbound access into the customer network.")));
        Assert.That(text, Does.Contain(Compact("Astro architecture diagrams")));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private ILocator Item(string id) => _page.Locator($"[data-item='{id}']");

    // Moving the focus out of the question, as a person does by clicking elsewhere.
    private Task LeaveAsync() => _page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();

    private async Task ExpectSavedAfterLeavingAsync(string id)
    {
        await LeaveAsync();
        await Assertions.Expect(Item(id).Locator(".save-state")).ToHaveTextAsync("Saved");
    }

    private async Task SaveAndContinueAsync(string nextStep)
    {
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex($"/steps/{nextStep}([?#].*)?$"), new() { Timeout = UserActions.Navigation });
    }
}
