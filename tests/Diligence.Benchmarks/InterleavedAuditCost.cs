using System.Diagnostics;
using System.Globalization;

namespace Diligence.Benchmarks;

/// <summary>
/// The audit event's share of an autosave, measured in one host by alternating bursts with the event and without it.
/// BenchmarkDotNet runs one case after the other, and this two-core machine drifts between runs by more than the 10 %
/// goal; alternating bursts puts both sides under the same drift, and the per-request percentiles show whether the
/// difference is in every request or in a few slow ones. A run of both sides without the event (<c>--control</c>)
/// shows the noise floor.
/// </summary>
internal static class InterleavedAuditCost
{
    public static async Task RunAsync(int rounds, int burst, bool control)
    {
        using var session = await AutosaveSession.StartAsync();
        for (var i = 0; i < 12_000; i++)
        {
            // Both paths warm, and tiered compilation done, before anything is measured.
            session.Answers.WritesAuditEvents = i % 2 == 0;
            await session.SaveAsync();
        }
        var with = new Side(control ? "without (control)" : "with the event", !control);
        var without = new Side("without", WritesAuditEvents: false);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? [with, without] : new[] { without, with })
            {
                session.Answers.WritesAuditEvents = side.WritesAuditEvents;
                var burstStart = Stopwatch.GetTimestamp();
                for (var i = 0; i < burst; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await session.SaveAsync();
                    side.Requests.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
                side.Bursts.Add(Stopwatch.GetElapsedTime(burstStart).TotalMicroseconds / burst);
            }
        }
        Console.WriteLine(with.Describe());
        Console.WriteLine(without.Describe());
        var ratios = with.Bursts.Zip(without.Bursts, (a, b) => a / b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"added by the event: median {Percentile(with.Requests, 50) / Percentile(without.Requests, 50) - 1:P1} per request, "
            + $"{Percentile(ratios, 50) - 1:P1} over the median pair of bursts ({rounds} rounds of {burst} requests a side)"));
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, sorted.Count * percent / 100)];
    }

    private sealed record Side(string Name, bool WritesAuditEvents)
    {
        public List<double> Requests { get; } = [];

        public List<double> Bursts { get; } = [];

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Name}: p10 {Percentile(Requests, 10):F0} µs, p50 {Percentile(Requests, 50):F0} µs, p90 {Percentile(Requests, 90):F0} µs, "
            + $"p99 {Percentile(Requests, 99):F0} µs, mean {Requests.Average():F0} µs");
    }
}
