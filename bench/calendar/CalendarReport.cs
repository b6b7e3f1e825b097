using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Calendar;

/// <summary>Everything measured: the syncs, and free-slot latency with the cache side by side with it off, as a ratio.</summary>
public sealed class CalendarReport(BenchOptions options)
{
    public FullSyncResult FullSync { get; init; } = null!;

    public List<TimeSpan> Incremental { get; } = [];

    public (Latencies Cached, Latencies Uncached) Slots { get; set; }

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
    }
}
