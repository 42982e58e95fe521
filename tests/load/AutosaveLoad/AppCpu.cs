using System.Globalization;

namespace AutosaveLoad;

/// <summary>The CPU time (user plus system) processes on this machine have used, from /proc/PID/stat.</summary>
public static class AppCpu
{
    // sysconf(_SC_CLK_TCK): 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(IEnumerable<int> processIds) =>
        processIds.Aggregate(TimeSpan.Zero, (sum, id) => sum + Of(id));

    private static TimeSpan Of(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
