using System.Text.RegularExpressions;
using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>A reviewer answers on a step page with the script on: each answer saves as they go, and the page keeps up.</summary>
public sealed partial class AutosaveTests : BrowserTest
{
    private const string PilotScope = "Which workload will the pilot run end-to-end, on which deployment model, with which data?";
    private const string Unreachable = "Not saved: the server could not be reached. Your input is still here.";

    /// <summary>A new reviewer's browser on a new review of Astralog (whose library answers none of these questions).</summary>
    private async Task<(IPage Page, string Review)> NewReviewAsync()
    {
        var page = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(page, "Astralog");
        return (page, review);
    }

    /// <summary>Clicks the page's heading, as a person clicks away from the question they answered.</summary>
    private static Task LeaveTheAnswerAsync(IPage page) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();

    private static ILocator ItemOf(IPage page, ILocator control) =>
        page.Locator("[data-item]", new() { Has = control });

    [Test]
    public async Task Save_and_continue_right_after_typing_saves_once_and_moves_on()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/pilot");

        await page.GetByLabel(PilotScope).FillAsync("The nightly claims ETL, on the hosted model, with synthetic data.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evidence register");
        await page.GotoAsync(review + "/history?key=pilot.scope");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#history tbody tr")).ToContainTextAsync("The nightly claims ETL, on the hosted model, with synthetic data.");
    }

    [Test]
    public async Task A_second_change_while_the_first_is_still_saving_is_saved_after_it_without_a_conflict()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/pilot");
        var firstArrived = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var bothAnswered = new TaskCompletionSource();
        var requests = 0;
        var responses = 0;
        await page.RouteAsync("**/answers/pilot-scope", async route =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                firstArrived.SetResult();
                await releaseFirst.Task;
            }
            await route.ContinueAsync();
        });
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/answers/pilot-scope", StringComparison.Ordinal) && Interlocked.Increment(ref responses) == 2)
                bothAnswered.SetResult();
        };
        var scope = page.GetByLabel(PilotScope);

        await scope.FillAsync("The claims ETL.");
        await LeaveTheAnswerAsync(page);
        await firstArrived.Task;
        await scope.FillAsync("The nightly claims ETL, with synthetic data.");
        await LeaveTheAnswerAsync(page);
        releaseFirst.SetResult();
        await bothAnswered.Task;

        await Assertions.Expect(ItemOf(page, scope).Locator(".save-state")).ToHaveTextAsync("Saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        // Both edits are in the answer's history, in the order they were made.
        await page.GotoAsync(review + "/history?key=pilot.scope");
        var rows = page.Locator("#history tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("The nightly claims ETL, with synthetic data.");
        await Assertions.Expect(rows.Last).ToContainTextAsync("The claims ETL.");
    }

    [Test]
    public async Task A_save_lost_on_the_network_is_sent_again_when_the_reviewer_next_leaves_the_field()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/pilot");
        var aborted = false;
        await page.RouteAsync("**/answers/pilot-scope", async route =>
        {
            if (aborted)
            {
                await route.ContinueAsync();
                return;
            }
            aborted = true;
            await route.AbortAsync();
        });
        var scope = page.GetByLabel(PilotScope);
        var saveState = ItemOf(page, scope).Locator(".save-state");

        await scope.FillAsync("The claims ETL.");
        await LeaveTheAnswerAsync(page);
        await Assertions.Expect(saveState).ToHaveTextAsync(Unreachable);
        await scope.FocusAsync();
        await LeaveTheAnswerAsync(page);

        await Assertions.Expect(saveState).ToHaveTextAsync("Saved");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel(PilotScope)).ToHaveValueAsync("The claims ETL.");
    }

    [Test]
    public async Task A_date_that_does_not_exist_is_refused_beside_the_field_and_the_stored_date_stays()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/pilot");
        var start = page.GetByLabel("Pilot start");
        var item = ItemOf(page, start);

        await start.FocusAsync();
        await page.Keyboard.TypeAsync("03312026");
        await LeaveTheAnswerAsync(page);
        await Assertions.Expect(item.Locator(".save-state")).ToHaveTextAsync("Saved");

        await start.FocusAsync();
        await page.Keyboard.TypeAsync("02302026");
        await LeaveTheAnswerAsync(page);

        await Assertions.Expect(item.GetByText("Enter a real date, such as 2026-03-31.")).ToBeVisibleAsync();
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(start).ToHaveAccessibleDescriptionAsync("Enter a real date, such as 2026-03-31.");
        await Assertions.Expect(item.Locator(".save-state")).Not.ToHaveTextAsync("Saved");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Pilot start")).ToHaveValueAsync("2026-03-31");
    }

    [Test]
    public async Task Without_javascript_the_browser_refuses_a_date_that_does_not_exist_and_the_stored_date_stays()
    {
        var page = await OpenAsNewUserAsync("Reviewer", javaScript: false);
        var review = await UserActions.StartReviewAsync(page, "Astralog");
        await page.GotoAsync(review + "/steps/pilot");
        var start = page.GetByLabel("Pilot start");
        await start.FocusAsync();
        await page.Keyboard.TypeAsync("03312026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved:")).ToBeVisibleAsync();

        await page.GetByLabel("Pilot start").FocusAsync();
        await page.Keyboard.TypeAsync("02302026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // The browser's own check stops the post and says why beside the field; nothing reached the server.
        var refusal = await page.GetByLabel("Pilot start").EvaluateAsync<string>("e => e.validity.badInput ? e.validationMessage : ''");
        Assert.That(refusal, Is.Not.Empty);
        await page.GotoAsync(review + "/steps/pilot");
        await Assertions.Expect(page.GetByLabel("Pilot start")).ToHaveValueAsync("2026-03-31");
    }

    [Test]
    public async Task Save_and_continue_with_a_date_that_does_not_exist_stays_on_the_step_and_keeps_the_stored_date()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/pilot");
        var start = page.GetByLabel("Pilot start");
        await start.FocusAsync();
        await page.Keyboard.TypeAsync("03312026");
        await LeaveTheAnswerAsync(page);
        await Assertions.Expect(ItemOf(page, start).Locator(".save-state")).ToHaveTextAsync("Saved");

        await start.FocusAsync();
        await page.Keyboard.TypeAsync("02302026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Assertions.Expect(ItemOf(page, start).GetByText("Enter a real date, such as 2026-03-31.")).ToBeVisibleAsync();
        await Assertions.Expect(start).ToBeFocusedAsync();
        await page.GotoAsync(review + "/steps/pilot");
        await Assertions.Expect(page.GetByLabel("Pilot start")).ToHaveValueAsync("2026-03-31");
    }

    [Test]
    public async Task Answering_yes_to_inbound_access_shows_the_follow_up_the_finding_and_the_progress_at_once()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/network");
        var head = page.Locator(".page-head");
        var before = RequiredCount().Match(await head.InnerTextAsync());
        var answered = int.Parse(before.Groups[1].Value);
        var required = int.Parse(before.Groups[2].Value);
        var inbound = page.GetByRole(AriaRole.Group, new() { Name = "Does the vendor need inbound connectivity into the customer's network?" });
        var item = ItemOf(page, inbound);
        await Assertions.Expect(page.GetByLabel("Which compensating controls limit that access?")).Not.ToBeVisibleAsync();

        await inbound.GetByLabel("Yes").CheckAsync();

        await Assertions.Expect(page.GetByLabel("Which compensating controls limit that access?")).ToBeVisibleAsync();
        await Assertions.Expect(item.Locator(".item-findings")).ToHaveTextAsync("High The vendor requires inbound access into the customer network.");
        await Assertions.Expect(head).ToContainTextAsync($"{answered + 1}/{required} required");
        await Assertions.Expect(head.Locator("progress")).ToHaveAttributeAsync("value", (answered + 1).ToString());
        await Assertions.Expect(item.Locator(".save-state")).ToHaveTextAsync("Saved");

        await inbound.GetByLabel("No", new() { Exact = true }).CheckAsync();

        await Assertions.Expect(item.Locator(".item-findings")).ToBeEmptyAsync();
        await Assertions.Expect(head).ToContainTextAsync($"{answered + 1}/{required} required");
    }

    [Test]
    public async Task A_justification_written_for_the_previous_answer_is_marked_for_checking_when_the_answer_changes()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/network");
        var inbound = page.GetByRole(AriaRole.Group, new() { Name = "Does the vendor need inbound connectivity into the customer's network?" });
        var item = ItemOf(page, inbound);
        var justification = item.GetByLabel("Justification");
        await inbound.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(item.Locator(".save-state")).ToHaveTextAsync("Saved");
        await justification.FillAsync("Agents connect outbound over HTTPS only.");
        await LeaveTheAnswerAsync(page);

        await inbound.GetByLabel("Yes").CheckAsync();

        await Assertions.Expect(item.GetByText("Written for the previous answer (No); check it still holds.")).ToBeVisibleAsync();
        await Assertions.Expect(justification).ToHaveAccessibleDescriptionAsync("Written for the previous answer (No); check it still holds.");
        await justification.FillAsync("Inbound access is limited to one bastion host.");
        await Assertions.Expect(item.GetByText("Written for the previous answer (No); check it still holds.")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_value_the_server_refuses_marks_the_field_invalid_with_the_message_as_its_description_until_it_saves()
    {
        var (page, review) = await NewReviewAsync();
        await page.GotoAsync(review + "/steps/data-boundary");
        var days = page.GetByLabel("Within how many days of a request or contract termination is customer data disposed of?");
        var item = ItemOf(page, days);

        await days.FillAsync("thirty");
        await LeaveTheAnswerAsync(page);

        await Assertions.Expect(item.GetByText("Enter a number, like 12 or 3.5.")).ToBeVisibleAsync();
        await Assertions.Expect(days).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(days).ToHaveAccessibleDescriptionAsync("Enter a number, like 12 or 3.5.");

        await days.FillAsync("30");
        await LeaveTheAnswerAsync(page);

        await Assertions.Expect(item.Locator(".save-state")).ToHaveTextAsync("Saved");
        await Assertions.Expect(days).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(days).ToHaveAccessibleDescriptionAsync("");
    }

    [GeneratedRegex(@"(\d+)/(\d+) required")]
    private static partial Regex RequiredCount();
}
