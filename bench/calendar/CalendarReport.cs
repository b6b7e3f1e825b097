using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// Everything measured: the syncs; free-slot latency with the cache side by side with it off, as a ratio; and the
/// same under concurrent agents: requests per second and latency per side at each load, and the cache's gain.
/// </summary>
public sealed class CalendarReport(BenchOptions options)
{
    public FullSyncResult FullSync { get; init; } = null!;

    public List<TimeSpan> Incremental { get; } = [];

    public (Latencies Cached, Latencies Uncached) Slots { get; set; }

    public List<ConcurrentLoad> Concurrent { get; set; } = [];

    public void Print()
    {
        Report.Section($"Sync with Google (the fake), {options.Events:N0} events");
        Console.WriteLine($"  full sync, enrolment to done           {FullSync.Elapsed.TotalSeconds,8:F2} s   ({FullSync.Events:N0} events stored, {FullSync.Events / FullSync.Elapsed.TotalSeconds:N0} events/s)");
        Console.WriteLine($"  syncing process, resident memory       {ProcessMemory.Mib(FullSync.MemoryBefore),8} before, {ProcessMemory.Mib(FullSync.MemoryPeak)} at the peak of the sync");
        var rounds = string.Join(", ", Incremental.Select(t => $"{t.TotalMilliseconds:F0}"));
        Console.WriteLine($"  incremental sync of {options.Changes} changes, SyncNow to done: {rounds} ms (median {Incremental.Order().ElementAt(Incremental.Count / 2).TotalMilliseconds:F0} ms)");

        var (cached, uncached) = Slots;
        Report.Section("ListFreeSlots, 14 days, 15-minute call, one call at a time");
        Report.LatencyColumns();
        Report.Latency(cached);
        Report.Latency(uncached);
        Console.WriteLine($"  without / with the cache: p50 {uncached.P50 / cached.P50:F2}x, p95 {uncached.P95 / cached.P95:F2}x");

        Report.Section($"ListFreeSlots under concurrent agents ({options.Agents} agents of {options.AgentEvents:N0} events, each caller its own agent), {options.Rounds} x {options.StepTime.TotalSeconds:F0} s a side at each load");
        Console.WriteLine($"  {"",9}  {"with the Redis cache",-31}  {"without (CacheFreeBusy=false)",-31}  {"the cache's gain",-22}");
        Console.WriteLine($"  {"in flight",9}  {"calls",7} {"req/s",7} {"p50 ms",7} {"p95 ms",7}  {"calls",7} {"req/s",7} {"p50 ms",7} {"p95 ms",7}  {"req/s",6} {"p50",6} {"p95",6}");
        foreach (var load in Concurrent)
        {
            var (with, without) = (load.Cached, load.Uncached);
            Console.WriteLine(
                $"  {load.InFlight,9}  {Columns(with)}  {Columns(without)}  " +
                $"{with.RequestsPerSecond / without.RequestsPerSecond,5:F2}x {without.Latencies.P50 / with.Latencies.P50,5:F2}x {without.Latencies.P95 / with.Latencies.P95,5:F2}x");
        }

        Console.WriteLine("  the cache's gain: req/s with / without, p50 and p95 without / with; above 1.00x the cache is the faster side");
    }

    private static string Columns(ClosedLoop side) =>
        $"{side.Latencies.Count,7} {side.RequestsPerSecond,7:F0} {side.Latencies.P50,7:F2} {side.Latencies.P95,7:F2}";
}
