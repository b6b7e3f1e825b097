using AgentCalls.Bench.Support;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Npgsql;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// An agent connects a Google calendar that already holds the events, as in the app (sign-in with Google, then
/// "Connect Google Calendar" through Identity); Calendar.Service enrols it and runs the full sync. Then rounds of
/// changes made in Google, each followed by SyncNow (an incremental sync with the sync token). Times are read from
/// the sync's own row in calendardb, polled every 25 ms. The concurrent step's agents connect the same way.
/// </summary>
public sealed class SyncRun(CalendarSystem system, BenchOptions options)
{
    public const string IdPrefix = "ev";
    public const int EventMinutes = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private readonly SemaphoreSlim signIns = new(1, 1);

    /// <summary>The first event's start: whole hours, within the sync window's 30 days back.</summary>
    public static DateTimeOffset FirstStart { get; } = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-29);

    /// <summary>
    /// The concurrent agents' first event: tomorrow, so that their fewer events, an hour apart, fill the days the
    /// free-slot queries ask about (1,000 reach about 42 days ahead) and a query reads as many as the main agent's.
    /// </summary>
    public static DateTimeOffset AgentsFirstStart { get; } = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(1);

    public async Task<(FakeUser User, SignedInAgent Agent, FullSyncResult Result)> FullSyncAsync(CancellationToken cancellationToken)
    {
        // An event an hour, 20 minutes long, from 29 days back: 10,000 reach about 387 days ahead.
        var (user, agent) = await NewAgentAsync("Benchmark agent", options.Events, FirstStart, cancellationToken);

        var pid = system.Cached.ProcessId;
        var before = ProcessMemory.CurrentBytes(pid);
        ProcessMemory.ResetPeak(pid);
        await GoogleCalendarConnect.ConnectAsync(system.IdentityChannel, system.Identity.Issuer, agent, user, cancellationToken);
        var enrolled = await WaitAsync(agent, row => row is not null, cancellationToken);
        var synced = await WaitAsync(agent, row => row is { State: "Synced" }, cancellationToken);
        var events = await ExpectEventsAsync(agent, options.Events, "The full sync stored", cancellationToken);
        return (user, agent, new FullSyncResult(synced.LastSyncedAt!.Value - enrolled.SeenAt, before, ProcessMemory.PeakBytes(pid), events));
    }

    /// <summary>
    /// The concurrent step's agents, each with a calendar of its own (<see cref="BenchOptions.AgentEvents"/> events),
    /// connected and fully synced as the main agent's is. All at once but the sign-ins; the sync worker takes the
    /// calendars one at a time, as it would any agents connecting together.
    /// </summary>
    public async Task<SignedInAgent[]> SyncedAgentsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(Enumerable.Range(1, options.Agents).Select(async i =>
        {
            var (user, agent) = await NewAgentAsync($"Concurrent agent {i}", options.AgentEvents, AgentsFirstStart, cancellationToken);
            await GoogleCalendarConnect.ConnectAsync(system.IdentityChannel, system.Identity.Issuer, agent, user, cancellationToken);
            await WaitAsync(agent, row => row is { State: "Synced" }, cancellationToken);
            await ExpectEventsAsync(agent, options.AgentEvents, $"The full sync of concurrent agent {i} stored", cancellationToken);
            return agent;
        }));

    /// <summary>One round: <see cref="BenchOptions.Changes"/> changes in Google (40% edited, 30% added, 30% deleted), then SyncNow until it has run.</summary>
    public async Task<TimeSpan> IncrementalAsync(FakeUser user, SignedInAgent agent, int round, CancellationToken cancellationToken)
    {
        // The rest are deleted: as many as added, so the calendar keeps its size.
        var (edited, added) = (options.Changes * 4 / 10, options.Changes * 3 / 10);
        for (var i = 0; i < options.Changes; i++)
        {
            // Each round touches events of its own, spread over the calendar.
            var index = (round * options.Changes + i) * (options.Events / (options.IncrementalRounds * options.Changes + 1));
            var id = $"{IdPrefix}{index:d6}";
            var start = FirstStart.AddHours(index);
            if (i < edited)
            {
                await system.Google.Calendar.PutEventAsync(user, id, $"Edited in round {round}", start, EventMinutes);
            }
            else if (i < edited + added)
            {
                await system.Google.Calendar.PutEventAsync(user, $"new{round}x{i}", "Added", start.AddMinutes(30), 10);
            }
            else
            {
                await system.Google.Calendar.DeleteEventAsync(user, id);
            }
        }

        var asked = DateTimeOffset.UtcNow;
        await system.SyncOf(system.Cached).SyncNowAsync(new(), agent.Bearer, cancellationToken: cancellationToken);
        var synced = await WaitAsync(agent, row => row is { State: "Synced" } && row.LastSyncedAt > asked, cancellationToken);
        return synced.LastSyncedAt!.Value - asked;
    }

    /// <summary>The agent's events in calendardb, which must be <paramref name="expected"/>; else the run fails, saying <paramref name="what"/>.</summary>
    public async Task<long> ExpectEventsAsync(SignedInAgent agent, int expected, string what, CancellationToken cancellationToken)
    {
        await using var count = system.Database.CreateCommand("SELECT count(*) FROM cached_events WHERE agent_id = @agent");
        count.Parameters.AddWithValue("agent", agent.AgentId);
        var events = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return events == expected ? events : throw new InvalidOperationException($"{what} {events} events, not {expected}.");
    }

    /// <summary>
    /// A Google account holding <paramref name="events"/> events an hour apart from <paramref name="firstStart"/>, and
    /// its agent signed in with it. Google's sign-in carries no login hint, so the fake signs in whichever account it
    /// was told last: one sign-in at a time.
    /// </summary>
    private async Task<(FakeUser User, SignedInAgent Agent)> NewAgentAsync(string name, int events, DateTimeOffset firstStart, CancellationToken cancellationToken)
    {
        var user = await system.Google.AddUserAsync(name);
        SignedInAgent agent;
        await signIns.WaitAsync(cancellationToken);
        try
        {
            await system.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
            agent = await IdentityHost.SignInAsync(system.Identity.Issuer, user.Name, user.Email, cancellationToken);
        }
        finally
        {
            signIns.Release();
        }

        await system.Google.Calendar.BulkAsync(user, events, firstStart, 60, IdPrefix, EventMinutes);
        return (user, agent);
    }

    private async Task<SyncRow> WaitAsync(SignedInAgent agent, Func<SyncRow?, bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var row = await ReadAsync(agent, cancellationToken);
            if (condition(row))
            {
                return row!;
            }

            if (row is { State: "Failed" or "ReconnectRequired" or "BackingOff" })
            {
                throw new InvalidOperationException($"The sync is {row.State}: {row.LastError}");
            }

            await Task.Delay(Poll, cancellationToken);
        }

        throw new TimeoutException("The sync did not end within 10 minutes.");
    }

    private async Task<SyncRow?> ReadAsync(SignedInAgent agent, CancellationToken cancellationToken)
    {
        await using var read = system.Database.CreateCommand("SELECT state, last_synced_at, last_error FROM google_syncs WHERE agent_id = @agent");
        read.Parameters.AddWithValue("agent", agent.AgentId);
        try
        {
            await using var row = await read.ExecuteReaderAsync(cancellationToken);
            return await row.ReadAsync(cancellationToken)
                ? new SyncRow(row.GetString(0), row.IsDBNull(1) ? null : row.GetFieldValue<DateTimeOffset>(1), row.IsDBNull(2) ? null : row.GetString(2), DateTimeOffset.UtcNow)
                : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private sealed record SyncRow(string State, DateTimeOffset? LastSyncedAt, string? LastError, DateTimeOffset SeenAt);
}

/// <summary>The full sync: how long from enrolment to done, the syncing process's memory before and at its peak, and the events stored.</summary>
public sealed record FullSyncResult(TimeSpan Elapsed, long MemoryBefore, long MemoryPeak, long Events);
