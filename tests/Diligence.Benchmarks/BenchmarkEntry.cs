using System.Globalization;
using BenchmarkDotNet.Running;

namespace Diligence.Benchmarks;

// Not top-level statements: those would declare a global Program, and the web app's Program is the one TestApp hosts.
public static class BenchmarkEntry
{
    /// <summary>
    /// BenchmarkDotNet's switcher, or <c>audit-cost [ROUNDS [BURST]] [--control]</c> for <see cref="InterleavedAuditCost"/>.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["audit-cost", .. var rest])
        {
            var numbers = rest.Where(a => a != "--control").Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
            InterleavedAuditCost.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var rounds ? rounds : 40,
                numbers.ElementAtOrDefault(1) is > 0 and var burst ? burst : 300, rest.Contains("--control")).GetAwaiter().GetResult();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
