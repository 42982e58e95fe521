using System.Globalization;
using Diligence.Data;

namespace Diligence.Web.Audit;

/// <summary>The audit filter as the page and the exports take it from the query string.</summary>
public sealed class AuditQuery
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? ResourceType { get; set; }
    public string? ResourceId { get; set; }

    /// <summary>A UTC date or time, inclusive.</summary>
    public string? From { get; set; }

    /// <summary>A UTC date or time, exclusive; a bare date means the end of that day.</summary>
    public string? To { get; set; }

    /// <summary>The filter, or null when a time does not parse.</summary>
    public AuditFilter? ToFilter()
    {
        if (!TryParseTime(From, endOfDay: false, out var from) || !TryParseTime(To, endOfDay: true, out var to))
        {
            return null;
        }
        return new AuditFilter(Actor, Action, ResourceType, ResourceId, from, to);
    }

    public IEnumerable<KeyValuePair<string, string?>> ToQueryString() =>
    [
        new("actor", Actor), new("action", Action), new("resourceType", ResourceType), new("resourceId", ResourceId),
        new("from", From), new("to", To),
    ];

    private static bool TryParseTime(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
            return true;
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            value = time;
            return true;
        }
        return false;
    }
}
