using System.Text.Json;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using static AgentCalls.EndToEnd.Tests.GatewayBook;
using static AgentCalls.EndToEnd.Tests.GatewayCalendar;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// An agent who signed in with Google and connected Google Calendar (the fake), through the gateway: the calendar here
/// follows what is made, moved and deleted at Google by polling, calls land at Google, and a dead sync token is survived.
/// </summary>
[Collection(GoogleAccountsCollection.Name)]
public sealed class GoogleCalendarThroughGatewayTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTimeOffset InThreeDays => new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(3).AddHours(14);

    [Fact]
    public async Task EventsMadeMovedAndDeletedInGoogle_ShowInTheAgentsCalendar()
    {
        var (user, browser) = await ConnectedAsync("Gwen Google");
        using var _ = browser;
        var start = InThreeDays;

        await system.Google.Calendar.PutEventAsync(user, "dentist1", "Dentist", start);
        await EventsAreAsync(browser, ("Dentist", start));
        await system.Google.Calendar.PutEventAsync(user, "dentist1", "Dentist (moved)", start.AddHours(2));
        await EventsAreAsync(browser, ("Dentist (moved)", start.AddHours(2)));
        await system.Google.Calendar.DeleteEventAsync(user, "dentist1");
        await EventsAreAsync(browser);

        var (_, status) = await browser.GetJsonAsync("/api/calendar/sync", Cancel);
        Assert.Equal(("google", "SYNC_STATE_SYNCED"), (status.GetProperty("provider").GetString(), status.GetProperty("state").GetString()));
        Assert.False(status.GetProperty("pushNotifications").GetBoolean());
    }

    [Fact]
    public async Task ScheduledCall_LandsOnTheAgentsGoogleCalendar_AndClientsHearsOfIt()
    {
        var (user, browser) = await ConnectedAsync("Hugo Google");
        using var _ = browser;
        var client = await CreateClientAsync(browser, "Ines Insured", "+13125550120", Cancel);
        var start = (await FreeSlotsAsync(browser, Today.AddDays(7), Today.AddDays(14), Cancel))[0].Start;

        var call = await ScheduleAsync(browser, Guid.NewGuid().ToString(), client.Id(), start, Cancel);
        var atGoogle = (await system.Google.Calendar.EventsAsync(user)).Single(e => e.Status() == "confirmed");
        await NextCallIsAsync(browser, client.Id(), start, Cancel);

        Assert.Equal(("google", "Call with Ines Insured"), (call.GetProperty("provider").GetString(), call.GetProperty("title").GetString()));
        Assert.Equal(("Call with Ines Insured", start), (atGoogle["summary"]!.GetValue<string>(), atGoogle.Start()));
        Assert.Contains($"{system.Gateway.GetLeftPart(UriPartial.Authority)}/clients/{client.Id()}", atGoogle["description"]!.GetValue<string>());
        Assert.Equal([call.GetProperty("eventId").GetString()], (await EventsAsync(browser, Cancel)).Select(e => e.GetProperty("eventId").GetString()));
    }

    [Fact]
    public async Task SyncTokenInvalidatedAtGoogle_410_IsRecoveredByAFullSync()
    {
        var start = InThreeDays;
        var (user, browser) = await ConnectedAsync("Ivo Invalidated", async user =>
        {
            await system.Google.Calendar.PutEventAsync(user, "stays1", "Stays", start);
            await system.Google.Calendar.PutEventAsync(user, "goes1", "Goes", start.AddHours(1));
        });
        using var _ = browser;
        await EventsAreAsync(browser, ("Stays", start), ("Goes", start.AddHours(1)));
        var generation = await FullSyncsAsync(browser);

        await system.Google.Calendar.InvalidateSyncTokensAsync(user);
        await system.Google.Calendar.DeleteEventAsync(user, "goes1");
        await system.Google.Calendar.PutEventAsync(user, "arrives1", "Arrives", start.AddHours(2));
        await EventsAreAsync(browser, ("Stays", start), ("Arrives", start.AddHours(2)));

        var (_, status) = await browser.GetJsonAsync("/api/calendar/sync", Cancel);
        Assert.Equal("SYNC_STATE_SYNCED", status.GetProperty("state").GetString());
        Assert.Equal("", status.TryGetProperty("lastError", out var error) ? error.GetString() : "");
        Assert.Equal(generation + 1, await FullSyncsAsync(browser));
    }

    /// <summary>A new Google agent with Calendar connected through the gateway, its first sync done.</summary>
    private async Task<(FakeUser User, BrowserSession Browser)> ConnectedAsync(string name, Func<FakeUser, Task>? beforeConnecting = null)
    {
        var user = await system.Google.AddUserAsync(name);
        if (beforeConnecting is not null)
        {
            await beforeConnecting(user);
        }

        var browser = await system.GoogleCalendarBrowserAsync(user, Cancel);
        var last = "";
        try
        {
            await Eventually.IsTrueAsync(async () =>
            {
                var (_, status) = await browser.GetJsonAsync("/api/calendar/sync", Cancel);
                last = status.GetRawText();
                return status.TryGetProperty("state", out var state) && state.GetString() == "SYNC_STATE_SYNCED";
            }, SystemUnderTest.BackgroundPatience, SystemUnderTest.PollInterval);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The first sync of {name}'s Google Calendar did not finish; the last status was {last}.");
        }

        return (user, browser);
    }

    /// <summary>Waits until the agent's calendar holds exactly these events (title and start), in order.</summary>
    private async Task EventsAreAsync(BrowserSession browser, params (string Title, DateTimeOffset Start)[] expected) =>
        await Eventually.IsTrueAsync(
            async () => (await EventsAsync(browser, Cancel)).Select(e => (e.GetProperty("title").GetString()!, Time(e, "startTime"))).SequenceEqual(expected),
            SystemUnderTest.BackgroundPatience, SystemUnderTest.PollInterval);

    /// <summary>How many full syncs of the agent's Google calendar have run (the generation Calendar keeps).</summary>
    private Task<long> FullSyncsAsync(BrowserSession browser) =>
        AgentRows.ScalarAsync<long>(system, "calendardb", "SELECT generation FROM google_syncs WHERE agent_id = @agent", Cancel, ("agent", browser.AgentId));
}
