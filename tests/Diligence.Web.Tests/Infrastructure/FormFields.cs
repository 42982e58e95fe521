using System.Net;
using System.Text.RegularExpressions;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>The fields a browser would post for a page's forms: inputs (checked boxes only), textareas, selected options.</summary>
public static partial class FormFields
{
    public static IEnumerable<KeyValuePair<string, string>> Of(string page)
    {
        foreach (Match tag in Input().Matches(page))
        {
            var attributes = Attributes(tag.Value);
            if (!attributes.TryGetValue("name", out var name) || name == "__RequestVerificationToken")
            {
                continue;
            }
            var type = attributes.GetValueOrDefault("type", "text");
            if (type is "checkbox" or "radio" && !Checked().IsMatch(tag.Value))
            {
                continue;
            }
            if (type is "submit" or "file")
            {
                continue;
            }
            yield return new(name, attributes.GetValueOrDefault("value", ""));
        }
        foreach (Match area in TextArea().Matches(page))
        {
            if (Attributes(area.Groups[1].Value).TryGetValue("name", out var name))
            {
                yield return new(name, WebUtility.HtmlDecode(area.Groups[2].Value));
            }
        }
        foreach (Match select in Select().Matches(page))
        {
            if (Attributes(select.Groups[1].Value).TryGetValue("name", out var name)
                && SelectedOption().Match(select.Groups[2].Value) is { Success: true } option)
            {
                yield return new(name, WebUtility.HtmlDecode(option.Groups[1].Value));
            }
        }
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("\\s([a-zA-Z][\\w-]*)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("\\schecked\\b")]
    private static partial Regex Checked();
}
