using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Diligence.Web.Audit;

/// <summary>How times and ids read on the admin pages (users, access review, audit log).</summary>
public static class AdminText
{
    /// <summary>A UTC time to the second, in a <c>time</c> element that keeps it machine-readable.</summary>
    public static IHtmlContent Time(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        // Only digits and separators: nothing to encode.
        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<time datetime=\"{utc:yyyy-MM-ddTHH:mm:ss}Z\">{utc:yyyy-MM-dd HH:mm:ss}</time>"));
    }

    /// <summary>The first 8 characters of an id: enough to tell rows apart; the page keeps the whole id in a title.</summary>
    public static string ShortId(string id) => id.Length <= 8 ? id : id[..8];
}
