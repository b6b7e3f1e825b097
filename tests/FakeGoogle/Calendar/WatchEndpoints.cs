using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// events.watch opens a push channel (type web_hook, an https address at Google; any address here) that lives
/// params.ttl seconds (default 7 days) and is told "sync" at once, then "exists" after every change; channels.stop
/// closes one, named by id and resourceId (404 when there is no such channel).
/// </summary>
public static class WatchEndpoints
{
    private static readonly TimeSpan DefaultTtl = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapWatch(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{CalendarApi.BasePath}/calendars/{{calendarId}}/events/watch", WatchAsync).DisableAntiforgery();
        app.MapPost($"{CalendarApi.BasePath}/channels/stop", StopAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> WatchAsync(string calendarId, HttpContext http, FakeCalendars calendars, TimeProvider time)
    {
        var (calendar, error) = CalendarApi.Authorize(http, calendarId, "events.watch");
        if (calendar is null)
        {
            return error!;
        }

        var body = await http.Request.ReadFromJsonAsync<JsonObject>();
        var id = body?["id"]?.GetValue<string>();
        var address = body?["address"]?.GetValue<string>();
        if (id is null || address is null || body?["type"]?.GetValue<string>() is not ("web_hook" or "webhook"))
        {
            return CalendarApi.BadRequest("A channel needs id, type web_hook and address.");
        }

        if (calendars.Channels().Any(c => c.Id == id))
        {
            return CalendarApi.Error(StatusCodes.Status400BadRequest, "channelIdNotUnique", $"Channel id {id} not unique");
        }

        var ttl = body["params"]?["ttl"]?.GetValue<string>() is { } seconds ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)) : DefaultTtl;
        var channel = calendars.Watch(new FakeChannel(id, "res-" + Guid.NewGuid().ToString("N"), calendars.SubjectOf(calendar), address, body["token"]?.GetValue<string>(), time.GetUtcNow() + ttl));
        return Results.Json(new JsonObject
        {
            ["kind"] = "api#channel",
            ["id"] = channel.Id,
            ["resourceId"] = channel.ResourceId,
            ["resourceUri"] = $"https://www.googleapis.com/calendar/v3/calendars/{calendarId}/events?alt=json",
            ["token"] = channel.Token,
            ["expiration"] = channel.Expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        });
    }

    private static async Task<IResult> StopAsync(HttpContext http, FakeCalendars calendars)
    {
        var (calendar, error) = CalendarApi.Authorize(http, "primary", "channels.stop");
        if (calendar is null)
        {
            return error!;
        }

        var body = await http.Request.ReadFromJsonAsync<JsonObject>();
        var stopped = body?["id"]?.GetValue<string>() is { } id && body["resourceId"]?.GetValue<string>() is { } resourceId && calendars.Stop(id, resourceId);
        return stopped ? Results.NoContent() : CalendarApi.Error(StatusCodes.Status404NotFound, "notFound", "Channel not found for project");
    }
}
