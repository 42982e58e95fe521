using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Pages;

/// <summary>A step reads as its questions and answers: dates, notes and repeat entries fold away until wanted.</summary>
public sealed class StepLayoutTests : BrowserTest
{
    [Test]
    public async Task The_certifications_step_of_the_Astro_sample_is_under_4000_px_tall_at_1280()
    {
        var page = await StartAstronomerReviewAsync();
        await page.GotoAsync(page.Url.Split("/steps")[0] + "/steps/certifications");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.That(height, Is.LessThan(4000));
    }

    [Test]
    public async Task The_data_boundary_table_shows_all_four_deployment_models_without_scrolling_at_1280()
    {
        var page = await StartAstronomerReviewAsync();
        await page.GotoAsync(page.Url.Split("/steps")[0] + "/steps/data-boundary");
        var table = page.Locator("[data-item='boundary'] .table-scroll");
        await Assertions.Expect(table.Locator("thead th")).ToHaveCountAsync(5);
        var widths = await table.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), "the table scrolls inside its box");
    }

    [Test]
    public async Task Each_certification_folds_to_one_line_that_names_it_and_opens_to_edit()
    {
        var page = await StartAstronomerReviewAsync();
        await page.GotoAsync(page.Url.Split("/steps")[0] + "/steps/certifications");
        var first = page.Locator("details.repeat-entry").First;
        await Assertions.Expect(first.Locator("summary")).ToHaveTextAsync("Certification 1: SOC 2 · Type II · Certified or attested · Under NDA");
        var typeField = first.GetByLabel("Type or level");
        await Assertions.Expect(typeField).ToBeHiddenAsync();
        await first.Locator("summary").ClickAsync();
        await Assertions.Expect(typeField).ToHaveValueAsync("Type II");
    }

    [Test]
    public async Task An_answers_date_and_note_sit_behind_one_disclosure_that_is_open_only_when_it_holds_a_note()
    {
        var page = await StartAstronomerReviewAsync();
        await page.GotoAsync(page.Url.Split("/steps")[0] + "/steps/certifications");
        var withNote = page.Locator("[data-item='independent-audit'] details.answer-extra");
        await Assertions.Expect(withNote).ToHaveAttributeAsync("open", "open");
        await Assertions.Expect(withNote.Locator("summary")).ToHaveTextAsync("Note");
        var empty = page.Locator("[data-item='compliance-roadmap'] details.answer-extra");
        await Assertions.Expect(empty.Locator("summary")).ToHaveTextAsync("Add a date or note");
        await Assertions.Expect(empty.GetByLabel("As of")).ToBeHiddenAsync();
        await empty.Locator("summary").ClickAsync();
        await Assertions.Expect(empty.GetByLabel("As of")).ToBeVisibleAsync();
    }

    private async Task<IPage> StartAstronomerReviewAsync()
    {
        var page = await OpenAsNewUserAsync("Reviewer");
        await UserActions.StartReviewAsync(page, "Astronomer");
        return page;
    }
}
