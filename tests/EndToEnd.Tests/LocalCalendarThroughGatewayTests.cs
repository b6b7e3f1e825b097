using System.Net;
using static AgentCalls.EndToEnd.Tests.GatewayBook;
using static AgentCalls.EndToEnd.Tests.GatewayCalendar;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// An agent without Google, through the gateway: settings and free slots, a call scheduled, moved and cancelled on
/// the local calendar, Clients following along from Calendar's events, and the private iCalendar feed.
/// </summary>
public sealed class LocalCalendarThroughGatewayTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Settings_DecideTheFreeSlots_InTheAgentsTimeZoneAndHours()
    {
        using var browser = await system.SignedInBrowserAsync("Tess Tuesday", Cancel);
        var settings = new
        {
            timeZone = "America/New_York",
            workingHours = new[] { new { dayOfWeek = "TUESDAY", start = new { hours = 10 }, end = new { hours = 12 } } },
            callLengthMinutes = 45,
            bufferMinutes = 15,
            reminderMinutes = 5,
        };

        var (saved, _) = await browser.PutJsonAsync("/api/calendar/settings", settings, Cancel);
        var (_, read) = await browser.GetJsonAsync("/api/calendar/settings", Cancel);
        var slots = await FreeSlotsAsync(browser, Today.AddDays(7), Today.AddDays(20), Cancel);

        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = slots.Select(s => (Start: TimeZoneInfo.ConvertTime(s.Start, newYork), Length: s.End - s.Start)).ToList();
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Equal(("America/New_York", 45), (read.GetProperty("timeZone").GetString(), read.GetProperty("callLengthMinutes").GetInt32()));
        Assert.Equal(2, local.Select(s => s.Start.Date).Distinct().Count());
        Assert.All(local, s => Assert.Equal((DayOfWeek.Tuesday, TimeSpan.FromMinutes(45)), (s.Start.DayOfWeek, s.Length)));
        Assert.All(local, s => Assert.InRange(s.Start.TimeOfDay, TimeSpan.FromHours(10), TimeSpan.FromHours(11.25)));
    }

    [Fact]
    public async Task ScheduleMoveAndCancel_OnTheLocalCalendar_ClientsFollowsTheNextCallAndTheQueue()
    {
        using var browser = await system.SignedInBrowserAsync("Lou Local", Cancel);
        var client = await CreateClientAsync(browser, "Sal Scheduled", "+13125550110", Cancel);
        await CreatePolicyAsync(browser, client.Id(), $"SC-{Guid.NewGuid():N}", Today.AddDays(12), Cancel);
        Assert.Equal([client.Id()], (await CallQueueAsync(browser, Cancel)).Select(e => e.Id()));
        var slots = await FreeSlotsAsync(browser, Today.AddDays(7), Today.AddDays(14), Cancel);
        var (first, later) = (slots[0].Start, slots[^1].Start);
        var requestId = Guid.NewGuid().ToString();

        var call = await ScheduleAsync(browser, requestId, client.Id(), first, Cancel);
        var retried = await ScheduleAsync(browser, requestId, client.Id(), first, Cancel);
        var eventId = call.GetProperty("eventId").GetString()!;
        await NextCallIsAsync(browser, client.Id(), first, Cancel);
        var queueWhileScheduled = await CallQueueAsync(browser, Cancel);
        var calendarWhileScheduled = await EventsAsync(browser, Cancel);

        var moved = await RescheduleAsync(browser, eventId, later, Cancel);
        await NextCallIsAsync(browser, client.Id(), later, Cancel);
        await CancelAsync(browser, eventId, Cancel);
        await NextCallIsAsync(browser, client.Id(), null, Cancel);

        Assert.Equal(("local", "Call with Sal Scheduled", "+13125550110"), (call.GetProperty("provider").GetString(), call.GetProperty("title").GetString(), call.GetProperty("clientPhone").GetString()));
        Assert.Equal(eventId, retried.GetProperty("eventId").GetString());
        Assert.Equal([eventId], calendarWhileScheduled.Select(e => e.GetProperty("eventId").GetString()));
        Assert.Empty(queueWhileScheduled);
        Assert.Equal(later, Time(moved, "startTime"));
        Assert.Empty(await EventsAsync(browser, Cancel));
        Assert.Equal([client.Id()], (await CallQueueAsync(browser, Cancel)).Select(e => e.Id()));
    }

    [Fact]
    public async Task Feed_IsReadWithoutASessionThroughTheGateway_UntilRegenerated()
    {
        using var browser = await system.SignedInBrowserAsync("Fay Feed", Cancel);
        var client = await CreateClientAsync(browser, "Quinn Quill", "+13125550111", Cancel);
        var start = (await FreeSlotsAsync(browser, Today.AddDays(7), Today.AddDays(14), Cancel))[0].Start;
        var call = await ScheduleAsync(browser, Guid.NewGuid().ToString(), client.Id(), start, Cancel);
        using var calendarApp = new HttpClient();

        var (_, feed) = await browser.GetJsonAsync("/api/calendar/feed", Cancel);
        var address = new Uri(feed.GetProperty("url").GetString()!);
        using var served = await calendarApp.GetAsync(address, Cancel);
        var ics = await served.Content.ReadAsStringAsync(Cancel);
        var (regenerated, replacement) = await browser.PostJsonAsync("/api/calendar/feed:regenerate", new { }, Cancel);
        using var revoked = await calendarApp.GetAsync(address, Cancel);
        using var current = await calendarApp.GetAsync(replacement.GetProperty("url").GetString(), Cancel);

        Assert.Equal(system.Gateway.GetLeftPart(UriPartial.Authority), address.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("text/calendar", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("SUMMARY:Call with Quinn Quill", ics);
        Assert.Contains($"UID:{call.GetProperty("eventId").GetString()}@agentcalls", ics);
        Assert.Contains($"DTSTART:{start.UtcDateTime:yyyyMMddTHHmmss}Z", ics);
        Assert.Equal(HttpStatusCode.OK, regenerated);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }
}
