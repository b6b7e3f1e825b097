using System.Text.Json.Nodes;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>The copy of Google Calendar: full sync with paging and recurring events, incremental changes and deletions, 410.</summary>
public sealed class GoogleSyncTests(ManualGoogleCalendar system) : IClassFixture<ManualGoogleCalendar>
{
    [Fact]
    public async Task FirstSync_ReadsTheWholeWindowPageByPage_ExpandingRecurringEvents()
    {
        var listsBefore = await system.Google.RequestCountAsync("calendar:events.list");
        var tomorrow = TestDays.Today.AddDays(1);
        var (_, agent) = await system.ConnectedAgentAsync("Fay Full", async user =>
        {
            await system.Google.Calendar.BulkAsync(user, 120, tomorrow, 60, "bulk");
            await system.Google.Calendar.PutEventAsync(user, Weekly("weekly", tomorrow.AddHours(9), count: 4));
            await system.Google.Calendar.PutEventAsync(user, "longago", "Too old", DateTimeOffset.UtcNow.AddDays(-45));
            await system.Google.Calendar.PutEventAsync(user, "farahead", "Too far", DateTimeOffset.UtcNow.AddDays(200));
        });

        var events = await system.EventsAsync(agent);

        Assert.Equal(124, events.Count);
        Assert.Equal(4, events.Count(e => e.Title == "Weekly review"));
        Assert.DoesNotContain(events, e => e.Title is "Too old" or "Too far");
        Assert.All(events, e => Assert.Equal("google", e.Provider));
        Assert.True(await system.Google.RequestCountAsync("calendar:events.list") - listsBefore >= 3, "124 events in pages of 50 take at least three requests");
    }

    [Fact]
    public async Task FirstSync_ShortAndEmptyPagesWithANextPageToken_ReadsEveryEvent()
    {
        var tomorrow = TestDays.Today.AddDays(1);
        var (user, agent) = await system.ConnectedAgentAsync("Rag Ged", async user =>
        {
            await system.Google.Calendar.SetRaggedPagesAsync(user, true);
            await system.Google.Calendar.BulkAsync(user, 40, tomorrow, 60, "ragged");
        });

        var events = await system.EventsAsync(agent);
        await system.Google.Calendar.PutEventAsync(user, "ragged-late", "After the first sync", tomorrow.AddDays(3));
        var status = await system.SyncNowAsync(agent);
        var afterIncremental = await system.EventsAsync(agent);

        Assert.Equal(40, events.Count);
        Assert.Equal(SyncState.Synced, status.State);
        Assert.Equal(41, afterIncremental.Count);
    }

    [Fact]
    public async Task Incremental_ChangesAndDeletionsInGoogle_AreMirrored()
    {
        var start = TestDays.Today.AddDays(2).AddHours(9);
        var (user, agent) = await system.ConnectedAgentAsync("Ian Incremental", async user =>
        {
            await system.Google.Calendar.PutEventAsync(user, "moved", "Dentist", start);
            await system.Google.Calendar.PutEventAsync(user, "deleted", "Gym", start.AddHours(2));
            await system.Google.Calendar.PutEventAsync(user, Weekly("weekly1", start.AddHours(4), count: 3));
        });

        await system.Google.Calendar.PutEventAsync(user, "moved", "Dentist (moved)", start.AddHours(1));
        await system.Google.Calendar.DeleteEventAsync(user, "deleted");
        await system.Google.Calendar.DeleteEventAsync(user, $"weekly1_{start.AddHours(4).AddDays(7).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        await system.Google.Calendar.PutEventAsync(user, "added", "New meeting", start.AddHours(6));
        var status = await system.SyncNowAsync(agent);
        var events = await system.EventsAsync(agent);

        Assert.Equal(SyncState.Synced, status.State);
        Assert.Equal(
            [("Dentist (moved)", start.AddHours(1)), ("Weekly review", start.AddHours(4)), ("New meeting", start.AddHours(6)), ("Weekly review", start.AddDays(14).AddHours(4))],
            events.Select(e => (e.Title, e.StartTime.ToDateTimeOffset())));
    }

    [Fact]
    public async Task Incremental_AnEventMovedOutOfTheWindow_LeavesItsOldTime()
    {
        var start = TestDays.Today.AddDays(3).AddHours(10);
        var (user, agent) = await system.ConnectedAgentAsync("Wim Window", user => system.Google.Calendar.PutEventAsync(user, "faraway", "Site visit", start));

        // Google reports a change to the event although it now lies beyond the window the full sync read.
        await system.Google.Calendar.PutEventAsync(user, "faraway", "Site visit", DateTimeOffset.UtcNow.AddDays(250));
        var status = await system.SyncNowAsync(agent);
        var events = await system.EventsAsync(agent);

        Assert.Equal(SyncState.Synced, status.State);
        Assert.DoesNotContain(events, e => e.StartTime.ToDateTimeOffset() == start);
    }

    [Fact]
    public async Task SyncTokenInvalidated_410_ReplacesTheCopyWithAFullSync()
    {
        var start = TestDays.Today.AddDays(3).AddHours(9);
        var (user, agent) = await system.ConnectedAgentAsync("Gus Gone", async user =>
        {
            await system.Google.Calendar.PutEventAsync(user, "stays", "Stays", start);
            await system.Google.Calendar.PutEventAsync(user, "goes", "Goes", start.AddHours(1));
        });
        var generation = (await system.SyncRowAsync(agent)).Generation;

        await system.Google.Calendar.InvalidateSyncTokensAsync(user);
        await system.Google.Calendar.DeleteEventAsync(user, "goes");
        await system.Google.Calendar.PutEventAsync(user, "arrives", "Arrives", start.AddHours(2));
        var status = await system.SyncNowAsync(agent);
        var events = await system.EventsAsync(agent);

        Assert.Equal((SyncState.Synced, ""), (status.State, status.LastError));
        Assert.Equal(["Stays", "Arrives"], events.Select(e => e.Title));
        Assert.Equal(generation + 1, (await system.SyncRowAsync(agent)).Generation);
    }

    [Fact]
    public async Task AllDayAndFreeEvents_AreKeptWithTheirKind()
    {
        var day = TestDays.Today.AddDays(4);
        var (_, agent) = await system.ConnectedAgentAsync("Ada Allday", async user =>
        {
            await system.Google.Calendar.PutEventAsync(user, new JsonObject
            {
                ["id"] = "holiday",
                ["summary"] = "Holiday",
                ["start"] = new JsonObject { ["date"] = $"{day:yyyy-MM-dd}" },
                ["end"] = new JsonObject { ["date"] = $"{day.AddDays(1):yyyy-MM-dd}" },
            });
            var free = await system.Google.Calendar.PutEventAsync(user, "reminder", "Just a note", day.AddHours(12));
            free["transparency"] = "transparent";
            await system.Google.Calendar.PutEventAsync(user, free);
        });

        var events = await system.EventsAsync(agent);

        Assert.Equal([("Holiday", true, true, day), ("Just a note", false, false, day.AddHours(12))],
            events.Select(e => (e.Title, e.AllDay, e.Busy, e.StartTime.ToDateTimeOffset())));
    }

    [Fact]
    public async Task FullSync_APageTheDatabaseRefuses_IsReadAgain_AndNothingIsLost()
    {
        var refused = await RefusedWrites.StartAsync(system.Services, $"Refused {Guid.NewGuid():N}");
        var (_, agent) = await system.ConnectedAgentAsync("Pia Page", user => PagesWithARefusedOneAsync(user, refused.Title), s => s.State == SyncState.Failed);
        var failed = await system.StatusAsync(agent);
        var afterFailure = (await system.EventsAsync(agent)).Count;

        await refused.DisposeAsync();
        var status = await system.SyncNowAsync(agent);
        var events = await system.EventsAsync(agent);

        Assert.Contains("refused", failed.LastError);
        Assert.Equal((50, 1), (afterFailure, failed.FullSyncPages));
        Assert.Equal((SyncState.Synced, ""), (status.State, status.LastError));
        Assert.Equal(121, events.Count);
    }

    [Fact]
    public async Task FullSync_LastPageFails_ItsSweepIsNotSkipped()
    {
        var start = TestDays.Today.AddDays(3).AddHours(9);
        var title = $"Deleted in Google {Guid.NewGuid():N}";
        var (user, agent) = await system.ConnectedAgentAsync("Sid Sweep", async user =>
        {
            await system.Google.Calendar.PutEventAsync(user, "stays", "Stays", start);
            await system.Google.Calendar.PutEventAsync(user, "goes", title, start.AddHours(1));
        });
        await system.Google.Calendar.InvalidateSyncTokensAsync(user);
        await system.Google.Calendar.DeleteEventAsync(user, "goes");

        SyncStatus failed;
        await using (await RefusedWrites.StartAsync(system.Services, title, "DELETE"))
        {
            failed = await system.SyncNowAsync(agent);
        }

        var status = await system.SyncNowAsync(agent);
        var events = await system.EventsAsync(agent);

        Assert.Equal(SyncState.Failed, failed.State);
        Assert.Equal((SyncState.Synced, ""), (status.State, status.LastError));
        Assert.Equal(["Stays"], events.Select(e => e.Title));
    }

    [Fact]
    public async Task FullSync_PageTokenExpiredMeanwhile_StartsAgainFromTheFirstPage()
    {
        var refused = await RefusedWrites.StartAsync(system.Services, $"Refused {Guid.NewGuid():N}");
        var (user, agent) = await system.ConnectedAgentAsync("Pat Expired", user => PagesWithARefusedOneAsync(user, refused.Title), s => s.State == SyncState.Failed);
        var generation = (await system.SyncRowAsync(agent)).Generation;

        await system.ExpirePageTokensAsync(user);
        await refused.DisposeAsync();
        var status = await system.SyncNowAsync(agent);

        Assert.Equal((SyncState.Synced, ""), (status.State, status.LastError));
        Assert.Equal(121, (await system.EventsAsync(agent)).Count);
        Assert.Equal(generation + 1, (await system.SyncRowAsync(agent)).Generation);
    }

    [Fact]
    public async Task FullSync_CallsScheduledWhileItRuns_OrBeyondItsWindow_AreKept()
    {
        var refused = await RefusedWrites.StartAsync(system.Services, $"Refused {Guid.NewGuid():N}");
        var (user, agent) = await system.ConnectedAgentAsync("Cal Kept", user => PagesWithARefusedOneAsync(user, refused.Title), s => s.State == SyncState.Failed);
        var client = await system.ClientsServer.CreateAsync(agent, "Kim Kept");
        var during = await system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Monday().AddHours(9).AddMinutes(30)));
        var beyond = await system.Calls.ScheduleAsync(agent, Scheduling.Request(client.ClientId, TestDays.Today.AddDays(200).AddHours(10)));

        await refused.DisposeAsync();
        var finished = await system.SyncNowAsync(agent);
        await system.Google.Calendar.InvalidateSyncTokensAsync(user);
        var replaced = await system.SyncNowAsync(agent);
        var events = await system.EventsAsync(agent);

        Assert.Equal((SyncState.Synced, SyncState.Synced), (finished.State, replaced.State));
        Assert.Contains(events, e => e.EventId == during.EventId);
        Assert.Contains(events, e => e.EventId == beyond.EventId);
        Assert.Empty(await Outbox.ReadAsync<CallCancelled>(system.Services, e => e.EventId == during.EventId || e.EventId == beyond.EventId));
    }

    [Fact]
    public async Task Sync_MakesTheCachedFreeSlotsStale()
    {
        var monday = TestDays.Monday();
        var day = NodaTime.LocalDate.FromDateTime(monday.UtcDateTime);
        var (user, agent) = await system.ConnectedAgentAsync("Fran Free");
        var before = await system.FreeSlots.SlotsAsync(agent, day, day);

        await system.Google.Calendar.PutEventAsync(user, "meeting", "Meeting", monday.AddHours(10), minutes: 60);
        await system.SyncNowAsync(agent);
        var after = await system.FreeSlots.SlotsAsync(agent, day, day);

        static bool AtTen(ListFreeSlotsResponse slots, DateTimeOffset monday) =>
            slots.Slots.Any(s => s.StartTime.ToDateTimeOffset() < monday.AddHours(11) && s.EndTime.ToDateTimeOffset() > monday.AddHours(10));
        Assert.True(AtTen(before, monday), "10:00 is free before the sync");
        Assert.False(AtTen(after, monday), "the meeting synced from Google takes 10:00 to 11:00");
    }

    [Fact]
    public async Task WakeUp_DuringASync_IsNotLost()
    {
        var cancel = TestContext.Current.CancellationToken;
        var start = TestDays.Today.AddDays(5).AddHours(9);
        var (user, agent) = await system.ConnectedAgentAsync("Wes Wakeup", user => system.Google.Calendar.PutEventAsync(user, "held", "Held", start));
        await system.Google.Calendar.PutEventAsync(user, "held", "Held (changed)", start);
        var listsBefore = await system.Google.RequestCountAsync("calendar:events.list");

        await using (var connection = new NpgsqlConnection(system.Services.GetRequiredService<IConfiguration>().GetConnectionString("calendardb")))
        {
            await connection.OpenAsync(cancel);
            await using var transaction = await connection.BeginTransactionAsync(cancel);
            // Holds the row the sync is about to update, so the sync waits in its middle.
            await using (var hold = new NpgsqlCommand("SELECT 1 FROM cached_events WHERE agent_id = @agent AND provider_event_id = 'held' FOR UPDATE", connection, transaction))
            {
                hold.Parameters.AddWithValue("agent", agent.AgentId);
                await hold.ExecuteScalarAsync(cancel);
            }

            await system.Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: cancel);
            // Waits for the sync to be blocked by this very transaction: another test's lock wait in the database must not pass for it.
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))", connection, transaction);
            await Eventually.IsTrueAsync(async () => (long)(await waiting.ExecuteScalarAsync(cancel))! > 0);
            await system.Sync.SyncNowAsync(new(), agent.Bearer, cancellationToken: cancel);
            await transaction.RollbackAsync(cancel);
        }

        // The sync that was waiting finishes, and the wake-up it was sent meanwhile brings another. Given time for one
        // failed attempt on a loaded machine (a token or Google call timing out is retried within a minute): a lost
        // wake-up waits for the hour-long poll, far past this.
        await Eventually.IsTrueAsync(async () => await system.Google.RequestCountAsync("calendar:events.list") - listsBefore >= 2,
            timeout: TimeSpan.FromSeconds(90));
        Assert.Equal("Held (changed)", Assert.Single(await system.EventsAsync(agent)).Title);
    }

    /// <summary>120 events an hour apart from tomorrow, and one more among them, titled <paramref name="title"/>, on the second page of 50.</summary>
    private async Task PagesWithARefusedOneAsync(FakeUser user, string title)
    {
        var tomorrow = TestDays.Today.AddDays(1);
        await system.Google.Calendar.BulkAsync(user, 120, tomorrow, 60, "bulk");
        await system.Google.Calendar.PutEventAsync(user, "refused", title, tomorrow.AddHours(70).AddMinutes(40), minutes: 10);
    }

    public static JsonObject Weekly(string id, DateTimeOffset start, int count) => new()
    {
        ["id"] = id,
        ["summary"] = "Weekly review",
        ["start"] = new JsonObject { ["dateTime"] = start.ToString("O"), ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = start.AddMinutes(30).ToString("O"), ["timeZone"] = "UTC" },
        ["recurrence"] = new JsonArray($"RRULE:FREQ=WEEKLY;COUNT={count}"),
    };
}
