using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>The agent's calendar through the gateway's REST API, as the web app's Calendar page and "Schedule call" use it.</summary>
public static class GatewayCalendar
{
    /// <summary>Free slots on the days [first, last] of the agent's time zone.</summary>
    public static async Task<(DateTimeOffset Start, DateTimeOffset End)[]> FreeSlotsAsync(BrowserSession browser, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var (status, body) = await browser.GetJsonAsync(
            $"/api/calendar/free-slots?{DateQuery("startDate", first)}&{DateQuery("endDate", last)}&maxSlots=200", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => (Time(s, "startTime"), Time(s, "endTime")))];
    }

    public static async Task<JsonElement> ScheduleAsync(BrowserSession browser, string requestId, string clientId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var (status, call) = await browser.PostJsonAsync("/api/calendar/calls", new { requestId, clientId, startTime = Rfc3339(start) }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return call;
    }

    public static async Task<JsonElement> RescheduleAsync(BrowserSession browser, string eventId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var (status, call) = await browser.PostJsonAsync($"/api/calendar/calls/{eventId}:reschedule", new { startTime = Rfc3339(start) }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return call;
    }

    public static async Task CancelAsync(BrowserSession browser, string eventId, CancellationToken cancellationToken)
    {
        var (status, _) = await browser.PostJsonAsync($"/api/calendar/calls/{eventId}:cancel", new { }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>The agent's events from 60 days back to 300 ahead (the whole synced window), by start.</summary>
    public static async Task<JsonElement[]> EventsAsync(BrowserSession browser, CancellationToken cancellationToken)
    {
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(300));
        var (status, body) = await browser.GetJsonAsync($"/api/calendar/events?startTime={Iso(from)}&endTime={Iso(to)}", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.TryGetProperty("events", out var events) ? [.. events.EnumerateArray()] : [];
    }

    public static DateTimeOffset Time(JsonElement message, string field) =>
        DateTimeOffset.Parse(message.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>A <c>google.protobuf.Timestamp</c> as JSON: RFC 3339 in UTC.</summary>
    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => Uri.EscapeDataString(Rfc3339(time));

    private static string DateQuery(string field, DateOnly day) => $"{field}.year={day.Year}&{field}.month={day.Month}&{field}.day={day.Day}";
}
