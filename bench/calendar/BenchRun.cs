using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Calendar;

/// <summary>The whole benchmark, in order: the system; the full sync; the incremental rounds; free slots with and without the cache; the report.</summary>
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

        if (await sync.CountEventsAsync(agent, cancellationToken) is var events && events != options.Events)
        {
            throw new InvalidOperationException($"After the incremental syncs calendardb holds {events} events, not {options.Events}.");
        }

        Console.WriteLine($"Free slots: {options.SlotCalls} calls on each side, alternating ...");
        report.Slots = await FreeSlotLatency.RunAsync(system.FreeSlotsOf(system.Cached), system.FreeSlotsOf(system.Uncached), agent, options.SlotCalls, cancellationToken);
        report.Print();
    }
}
