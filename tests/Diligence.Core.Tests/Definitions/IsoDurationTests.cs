using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Definitions;

public sealed class IsoDurationTests
{
    private static readonly DateOnly _today = new(2026, 3, 31);

    [TestCase("P0D", "2026-03-31")]
    [TestCase("P1D", "2026-04-01")]
    [TestCase("-P1D", "2026-03-30")]
    [TestCase("P1M", "2026-04-30")]
    [TestCase("-P1M", "2026-02-28")]
    [TestCase("-P12M", "2025-03-31")]
    [TestCase("P1Y", "2027-03-31")]
    [TestCase("-P10Y", "2016-03-31")]
    [TestCase("P2W", "2026-04-14")]
    [TestCase("P1Y1M1W1D", "2027-05-08")]
    [TestCase("-P100000Y", "0001-01-01")]
    [TestCase("P100000Y", "9999-12-31")]
    public void A_duration_moves_a_day_clamping_to_month_ends_and_the_calendar(string text, string expected)
    {
        Assert.That(IsoDuration.TryParse(text, out var duration), Is.True);
        Assert.That(duration.AddTo(_today), Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("")]
    [TestCase("P")]
    [TestCase("-P")]
    [TestCase("P1H")]
    [TestCase("PT1H")]
    [TestCase("P1.5Y")]
    [TestCase("1Y")]
    [TestCase("P1D1Y")]
    [TestCase("p1d")]
    [TestCase("P999999999999Y")]
    [TestCase("+P1D")]
    public void Anything_else_is_not_a_duration(string text) =>
        Assert.That(IsoDuration.TryParse(text, out _), Is.False);

    [TestCase("-P1Y2M", "-P1Y2M")]
    [TestCase("P0D", "P0D")]
    [TestCase("P0Y", "P0D")]
    public void A_duration_prints_in_iso_form(string text, string expected)
    {
        IsoDuration.TryParse(text, out var duration);
        Assert.That(duration.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void A_date_bound_is_a_fixed_date_or_a_duration()
    {
        Assert.That(DateBound.TryParse("2026-02-28", out var date), Is.True);
        Assert.That(date!.Resolve(_today), Is.EqualTo(new DateOnly(2026, 2, 28)));
        Assert.That(DateBound.TryParse("-P1M", out var relative), Is.True);
        Assert.That(relative!.Resolve(_today), Is.EqualTo(new DateOnly(2026, 2, 28)));
        Assert.That(DateBound.TryParse("2026-02-29", out _), Is.False);
        Assert.That(DateBound.TryParse("2026-2-28", out _), Is.False);
    }
}
