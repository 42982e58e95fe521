using BenchmarkDotNet.Attributes;

namespace Diligence.Benchmarks;

/// <summary>
/// What the audit trail adds to an answer save as a reviewer makes it: the autosave request through the whole app in
/// memory (<see cref="AutosaveSession"/>). The baseline is the app as shipped; the other is the same app with the event
/// left out of the save. Goal: the event under 10 % of the request. No network: sockets would only add to both sides
/// and shrink the share. Each side runs in a process of its own with only its host, in the app's runtime environment,
/// and warms up for about 20,000 requests: in one process whichever side ran first paid for compiling the other's code.
/// The two sides run one after the other, so drift of the machine between them lands in the ratio; <see
/// cref="InterleavedAuditCost"/> alternates them in one host instead.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AppRuntimeConfig))]
public class AutosaveAuditBenchmarks
{
    private AutosaveSession _session = null!;

    [GlobalSetup(Target = nameof(AutosaveWithAuditEvent))]
    public async Task StartAsShipped() => _session = await AutosaveSession.StartAsync();

    [GlobalSetup(Target = nameof(AutosaveWithoutAuditEvent))]
    public async Task StartWithoutAuditEvent()
    {
        _session = await AutosaveSession.StartAsync();
        _session.Answers.WritesAuditEvents = false;
    }

    [GlobalCleanup]
    public void Stop() => _session.Dispose();

    [Benchmark(Baseline = true)]
    public Task AutosaveWithAuditEvent() => _session.SaveAsync();

    [Benchmark]
    public Task AutosaveWithoutAuditEvent() => _session.SaveAsync();
}
