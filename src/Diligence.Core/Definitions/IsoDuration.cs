using System.Globalization;
using System.Text.RegularExpressions;

namespace Diligence.Core.Definitions;

/// <summary>An ISO 8601 duration of whole years, months, weeks and days, e.g. <c>P1Y6M</c> or <c>-P12M</c>.</summary>
public readonly partial record struct IsoDuration(bool Negative, int Years, int Months, int Weeks, int Days)
{
    // Larger parts cannot land inside DateOnly's range anyway; the cap keeps arithmetic from overflowing.
    private const int MaxPart = 100_000;

    public static bool TryParse(string text, out IsoDuration duration)
    {
        duration = default;
        var match = DurationPattern().Match(text);
        if (!match.Success || (!match.Groups["y"].Success && !match.Groups["m"].Success && !match.Groups["w"].Success && !match.Groups["d"].Success))
            return false;
        if (!TryPart(match.Groups["y"], out var years) || !TryPart(match.Groups["m"], out var months)
            || !TryPart(match.Groups["w"], out var weeks) || !TryPart(match.Groups["d"], out var days))
        {
            return false;
        }
        duration = new IsoDuration(match.Groups["sign"].Success, years, months, weeks, days);
        return true;
    }

    /// <summary>The day this duration away from <paramref name="day"/>, clamped to the representable range.</summary>
    public DateOnly AddTo(DateOnly day)
    {
        var sign = Negative ? -1 : 1;
        var months = (((long)Years * 12) + Months) * sign;
        var days = (((long)Weeks * 7) + Days) * sign;
        var monthIndex = (((long)day.Year - 1) * 12) + day.Month - 1 + months;
        if (monthIndex < 0)
            return DateOnly.MinValue;
        if (monthIndex >= 9999L * 12)
            return DateOnly.MaxValue;
        var year = (int)(monthIndex / 12) + 1;
        var month = (int)(monthIndex % 12) + 1;
        var shifted = new DateOnly(year, month, Math.Min(day.Day, DateTime.DaysInMonth(year, month)));
        var dayNumber = shifted.DayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber)
            return DateOnly.MinValue;
        return dayNumber > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : DateOnly.FromDayNumber((int)dayNumber);
    }

    public override string ToString()
    {
        var builder = new System.Text.StringBuilder(Negative ? "-P" : "P");
        Append(builder, Years, 'Y');
        Append(builder, Months, 'M');
        Append(builder, Weeks, 'W');
        Append(builder, Days, 'D');
        if (builder.Length <= 2)
            builder.Append("0D");
        return builder.ToString();
    }

    private static void Append(System.Text.StringBuilder builder, int value, char unit)
    {
        if (value != 0)
            builder.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }

    private static bool TryPart(System.Text.RegularExpressions.Group group, out int value)
    {
        value = 0;
        if (!group.Success)
            return true;
        return int.TryParse(group.ValueSpan[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxPart;
    }

    [GeneratedRegex(@"^(?<sign>-)?P(?<y>[0-9]+Y)?(?<m>[0-9]+M)?(?<w>[0-9]+W)?(?<d>[0-9]+D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
