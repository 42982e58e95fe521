using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Diligence.Benchmarks;

/// <summary>
/// A job that runs the web app as <c>run.sh</c> does: thread-pool workers that do not spin (the app's runtimeconfig)
/// and the 64 MB young generation of <c>scripts/app-environment.sh</c>, both given as environment variables because
/// BenchmarkDotNet starts its own process. Long warm-up, so tiered compilation is done before anything is measured.
/// </summary>
public sealed class AppRuntimeConfig : ManualConfig
{
    public AppRuntimeConfig() =>
        AddJob(Job.Default
            .WithWarmupCount(20)
            .WithIterationCount(15)
            .WithEnvironmentVariables(
                new EnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0"),
                new EnvironmentVariable("DOTNET_GCgen0size", "0x4000000")));
}
