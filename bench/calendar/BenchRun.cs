using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// The whole benchmark, in order: the system; the full sync; the incremental rounds; free slots with and without the
/// cache, for one agent one call at a time, then for many agents with calls in flight together; the report.
/// </summary>
public static class BenchRun
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine("Starting Postgres, Redis, the Google fake and Identity (in this process) and two Calendar.Service processes (Release) ...");
        await using var system = await CalendarSystem.StartAsync();
        var sync = new SyncRun(system, options);
        Console.WriteLine($"Connecting a Google calendar of {options.Events:N0} events and waiting for the full sync ...");
        var (user, agent, fullSync) = await sync.FullSyncAsync(cancellationToken);

        var report = new CalendarReport(options) { FullSync = fullSync };
        Console.WriteLine($"Incremental syncs: {options.IncrementalRounds} rounds of {options.Changes} changes made in Google, then SyncNow ...");
        for (var round = 0; round < options.IncrementalRounds; round++)
        {
            report.Incremental.Add(await sync.IncrementalAsync(user, agent, round, cancellationToken));
        }

        await sync.ExpectEventsAsync(agent, options.Events, "After the incremental syncs calendardb holds", cancellationToken);

        var (cached, uncached) = (system.FreeSlotsOf(system.Cached), system.FreeSlotsOf(system.Uncached));
        Console.WriteLine($"Free slots: {options.SlotCalls} calls on each side, alternating ...");
        report.Slots = await FreeSlotLatency.RunAsync(cached, uncached, agent, options.SlotCalls, cancellationToken);

        Console.WriteLine($"Connecting {options.Agents} more agents' Google calendars of {options.AgentEvents:N0} events each and waiting for their full syncs ...");
        var agents = await sync.SyncedAgentsAsync(cancellationToken);
        Console.WriteLine($"Free slots under concurrent agents: {string.Join(", ", options.InFlight)} in flight, {options.Rounds} x {options.StepTime.TotalSeconds:F0} s a side at each, alternating (load average now {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}) ...");
        report.Concurrent = await ConcurrentFreeSlots.RunAsync(cached, uncached, agents, options, cancellationToken);
        report.Print();
    }
}
