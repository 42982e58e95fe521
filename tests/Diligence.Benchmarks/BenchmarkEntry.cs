using BenchmarkDotNet.Running;

namespace Diligence.Benchmarks;

// Not top-level statements: those would declare a global Program, and the web app's Program is the one TestApp hosts.
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
