using AgentCalls.Bench.Support;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Npgsql;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// An agent connects a Google calendar that already holds the events, as in the app (sign-in with Google, then
/// "Connect Google Calendar" through Identity); Calendar.Service enrols it and runs the full sync. Then rounds of
/// changes made in Google, each followed by SyncNow (an incremental sync with the sync token). Times are read from
/// the sync's own row in calendardb, polled every 25 ms.
/// </summary>
public sealed class SyncRun(CalendarSystem system, BenchOptions options)
{
    public const string IdPrefix = "ev";
    public const int EventMinutes = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>The first event's start: whole hours, within the sync window's 30 days back.</summary>
    public static DateTimeOffset FirstStart { get; } = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-29);

    public async Task<(FakeUser User, SignedInAgent Agent, FullSyncResult Result)> FullSyncAsync(CancellationToken cancellationToken)
    {
        var user = await system.Google.AddUserAsync("Benchmark agent");
        await system.Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
        var agent = await IdentityHost.SignInAsync(system.Identity.Issuer, user.Name, user.Email, cancellationToken);
        // An event an hour, 20 minutes long, from 29 days back: 10,000 reach about 387 days ahead.
        await system.Google.Calendar.BulkAsync(user, options.Events, FirstStart, 60, IdPrefix, EventMinutes);

        var pid = system.Cached.ProcessId;
        var before = ProcessMemory.CurrentBytes(pid);
        ProcessMemory.ResetPeak(pid);
        await GoogleCalendarConnect.ConnectAsync(system.IdentityChannel, system.Identity.Issuer, agent, user, cancellationToken);
        var enrolled = await WaitAsync(agent, row => row is not null, cancellationToken);
        var synced = await WaitAsync(agent, row => row is { State: "Synced" }, cancellationToken);
        var events = await CountEventsAsync(agent, cancellationToken);
        if (events != options.Events)
        {
            throw new InvalidOperationException($"The full sync stored {events} events, not {options.Events}.");
        }

        return (user, agent, new FullSyncResult(synced.LastSyncedAt!.Value - enrolled.SeenAt, before, ProcessMemory.PeakBytes(pid), events));
    }

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

    public async Task<long> CountEventsAsync(SignedInAgent agent, CancellationToken cancellationToken)
    {
        await using var count = system.Database.CreateCommand("SELECT count(*) FROM cached_events WHERE agent_id = @agent");
        count.Parameters.AddWithValue("agent", agent.AgentId);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
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
