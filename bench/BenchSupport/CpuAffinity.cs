using System.Diagnostics;

namespace AgentCalls.Bench.Support;

public static class CpuAffinity
{
    /// <summary>The CPUs this process may run on, e.g. "CPU 0" (taskset sets them).</summary>
    public static string Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "any CPU";
        }

        var mask = (long)Process.GetCurrentProcess().ProcessorAffinity;
        return "CPU " + string.Join(",", Enumerable.Range(0, 64).Where(cpu => (mask & (1L << cpu)) != 0));
    }
}
