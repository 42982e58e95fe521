using System.Text.RegularExpressions;
using Diligence.Browser.Tests.Infrastructure;

namespace Diligence.Browser.Tests.Journeys;

/// <summary>A reviewer who uses only the keyboard completes a step, and always sees where the focus is.</summary>
public sealed class KeyboardJourney : BrowserTest
{
    [Test]
    public async Task A_step_is_completed_with_Tab_Space_and_Enter_and_the_focus_is_always_visible()
    {
        var page = await OpenAsNewUserAsync("Reviewer");
        var review = await UserActions.StartReviewAsync(page, "Astral");
        await page.GotoAsync(review + "/steps/pilot");

        await TabToAsync(page, "input[name='a.pilot-exercises'][value='deploy']");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "input[name='a.pilot-exercises'][value='rollback']");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "textarea[name='a.pilot-success-criteria']");
        await page.Keyboard.TypeAsync("Deploy and roll back in staging within a day.");
        await TabToAsync(page, "input[name='a.pilot-outcome'][value='met']");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "button[value='next']");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/steps/evidence([?#].*)?$"), new() { Timeout = UserActions.Navigation });
        await page.GotoAsync(review + "/steps/pilot");
        await Assertions.Expect(page.Locator("input[name='a.pilot-exercises'][value='deploy']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("input[name='a.pilot-exercises'][value='rollback']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("textarea[name='a.pilot-success-criteria']")).ToHaveValueAsync("Deploy and roll back in staging within a day.");
        await Assertions.Expect(page.Locator("input[name='a.pilot-outcome'][value='met']")).ToBeCheckedAsync();
    }

    // Presses Tab until the element is focused, checking at every stop that the focused element shows a focus ring.
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState>(
                """
                s => {
                  const e = document.activeElement;
                  const style = getComputedStyle(e);
                  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                  return { description: e.outerHTML.slice(0, 120), visible: ring, target: e.matches(s) };
                }
                """, selector);
            Assert.That(focus.Visible, Is.True, $"no visible focus ring on {focus.Description}");
            if (focus.Target)
                return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    private sealed class FocusState
    {
        public string Description { get; set; } = "";

        public bool Visible { get; set; }

        public bool Target { get; set; }
    }
}
