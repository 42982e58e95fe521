using System.Globalization;

namespace Diligence.Core.Definitions;

/// <summary>A fixed date, or an ISO duration relative to the day of evaluation (<c>P0D</c> is that day).</summary>
public sealed record DateBound
{
    private DateBound(DateOnly? date, IsoDuration? duration)
    {
        Date = date;
        Duration = duration;
    }

    public DateOnly? Date { get; }

    public IsoDuration? Duration { get; }

    public static DateBound Fixed(DateOnly date) => new(date, null);

    public static DateBound Relative(IsoDuration duration) => new(null, duration);

    public static bool TryParse(string text, out DateBound? bound)
    {
        if (TryParseDate(text, out var date))
        {
            bound = Fixed(date);
            return true;
        }
        if (IsoDuration.TryParse(text, out var duration))
        {
            bound = Relative(duration);
            return true;
        }
        bound = null;
        return false;
    }

    /// <summary>Strict <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public DateOnly Resolve(DateOnly today) => Date ?? Duration!.Value.AddTo(today);

    public override string ToString() =>
        Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Duration!.Value.ToString();
}
