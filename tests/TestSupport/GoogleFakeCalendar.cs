using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentCalls.FakeGoogle;
using AgentCalls.FakeGoogle.Calendar;

namespace AgentCalls.TestSupport;

/// <summary>
/// The fake's Calendar control calls: play the account owner editing their Google Calendar, or Google itself
/// (invalidating sync tokens, refusing requests with Retry-After); read what the calendar holds and what was sent.
/// </summary>
public sealed class GoogleFakeCalendar(HttpClient control)
{
    /// <summary>Adds or replaces an event as if made in Google Calendar; returns it as stored.</summary>
    public async Task<JsonObject> PutEventAsync(FakeUser user, JsonObject resource)
    {
        using var response = await control.PostAsJsonAsync($"__fake/calendar/{user.Subject}/events", resource);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A one-off event from <paramref name="start"/> for <paramref name="minutes"/>, in UTC.</summary>
    public Task<JsonObject> PutEventAsync(FakeUser user, string id, string summary, DateTimeOffset start, int minutes = 30) =>
        PutEventAsync(user, new JsonObject
        {
            ["id"] = id,
            ["summary"] = summary,
            ["start"] = new JsonObject { ["dateTime"] = start.ToString("O"), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = start.AddMinutes(minutes).ToString("O"), ["timeZone"] = "UTC" },
        });

    public Task BulkAsync(FakeUser user, int count, DateTimeOffset start, int spacingMinutes, string idPrefix, int durationMinutes = 30) =>
        PostAsync($"__fake/calendar/{user.Subject}/events:bulk", new CalendarControlEndpoints.BulkEvents(count, start, spacingMinutes, durationMinutes, idPrefix, "Bulk"));

    public async Task DeleteEventAsync(FakeUser user, string eventId)
    {
        using var response = await control.DeleteAsync($"__fake/calendar/{user.Subject}/events/{eventId}");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every event the calendar holds, deleted ones included (status "cancelled").</summary>
    public async Task<JsonObject[]> EventsAsync(FakeUser user) =>
        (await control.GetFromJsonAsync<JsonObject[]>($"__fake/calendar/{user.Subject}/events"))!;

    public Task InvalidateSyncTokensAsync(FakeUser user) => PostAsync($"__fake/calendar/{user.Subject}/invalidate-sync-tokens", new { });

    /// <summary>From now on the user's event lists come in short pages, every other one empty, each with a next-page token.</summary>
    public Task SetRaggedPagesAsync(FakeUser user, bool enabled) => PostAsync($"__fake/calendar/{user.Subject}/ragged-pages", new { enabled });

    public Task SetTimeZoneAsync(FakeUser user, string timeZone) => PostAsync($"__fake/calendar/{user.Subject}/time-zone", new { timeZone });

    /// <summary>The next <paramref name="count"/> Calendar requests get <paramref name="status"/> (429, 403 rateLimitExceeded, or 5xx backendError) with Retry-After.</summary>
    /// <summary>From now on every <paramref name="failEvery"/>th Calendar request fails with a 503 and each waits <paramref name="latencyMilliseconds"/>; 0, 0 ends it.</summary>
    public Task SetFaultsAsync(int failEvery, int latencyMilliseconds) => PostAsync("__fake/calendar/faults", new CalendarFaults(failEvery, latencyMilliseconds));

    public Task ThrottleAsync(int status, int? retryAfterSeconds, int count, string reason = "rateLimitExceeded") =>
        PostAsync("__fake/calendar/throttle", new Throttle(status, retryAfterSeconds, count, reason));

    public async Task<FakeChannel[]> ChannelsAsync() => (await control.GetFromJsonAsync<FakeChannel[]>("__fake/calendar/channels", FakeJson.Options))!;

    public async Task<Delivery[]> NotificationsAsync() => (await control.GetFromJsonAsync<Delivery[]>("__fake/calendar/notifications", FakeJson.Options))!;

    private async Task PostAsync(string path, object body)
    {
        using var response = await control.PostAsJsonAsync(path, body, FakeJson.Options);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>Reads a stored event's fields the tests look at.</summary>
public static class FakeEventFields
{
    public static string Id(this JsonObject resource) => resource["id"]!.GetValue<string>();

    public static string Status(this JsonObject resource) => resource["status"]!.GetValue<string>();

    public static DateTimeOffset Start(this JsonObject resource) => DateTimeOffset.Parse(resource["start"]!["dateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    public static string? PrivateProperty(this JsonObject resource, string name) => resource["extendedProperties"]?["private"]?[name]?.GetValue<string>();
}
