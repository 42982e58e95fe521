using System.Net;
using System.Text.RegularExpressions;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>The one-time link the invitations page shows after an invitation is created, as the path a browser opens.</summary>
public static partial class InvitationLink
{
    public static string PathIn(string page)
    {
        var link = Pattern().Match(page);
        Assert.That(link.Success, page);
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
    }

    [GeneratedRegex("<input id=\"invitation-link\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex Pattern();
}
