using System.Globalization;

namespace AgentCalls.Bench.Support;

/// <summary>
/// A process's resident memory from Linux's /proc: now (VmRSS) and the peak since the last reset (VmHWM). Writing 5
/// to clear_refs resets the peak to the current size, so one process can show the peak of each phase in turn.
/// </summary>
public static class ProcessMemory
{
    public static void ResetPeak(int processId) => File.WriteAllText($"/proc/{processId}/clear_refs", "5");

    public static long PeakBytes(int processId) => Read(processId, "VmHWM:");

    public static long CurrentBytes(int processId) => Read(processId, "VmRSS:");

    public static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    private static long Read(int processId, string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kib = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
    }
}
