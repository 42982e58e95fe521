using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Diligence.Browser.Tests.Infrastructure;

/// <summary>What every page must pass: axe's WCAG 2.2 A and AA rules and its best practices, and no sideways scrolling.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions _rules = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
    };

    /// <summary>Fails with every violation's rule, impact, help and the elements it names.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(_rules);
        var report = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"{violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
                report.AppendLine($"    {node.Target} {Shorten(node.Html)}");
            if (violation.Nodes.Length > 5)
                report.AppendLine($"    … and {violation.Nodes.Length - 5} more");
        }
        Assert.That(report.ToString(), Is.Empty, $"axe on {page.Url}");
    }

    /// <summary>The page fits the viewport's width: nothing makes the whole page scroll sideways.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]),
            $"{page.Url} is {widths[0]} px wide in a {widths[1]} px viewport");
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
