using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// events.get, insert, patch and delete. A client may choose an event id (base32hex: a–v and 0–9, 5 to 1024
/// characters); an id in use, even by a deleted event, is 409 duplicate. A deleted event answers patch and delete
/// with 410 deleted. An instance of a recurring event is changed or deleted through its instance id, which makes
/// an exception to the series.
/// </summary>
public static partial class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var events = $"{CalendarApi.BasePath}/calendars/{{calendarId}}/events";
        app.MapGet(events + "/{eventId}", Get);
        app.MapPost(events, InsertAsync).DisableAntiforgery();
        app.MapPatch(events + "/{eventId}", PatchAsync).DisableAntiforgery();
        app.MapDelete(events + "/{eventId}", Delete);
        return app;
    }

    private static IResult Get(string calendarId, string eventId, HttpContext http)
    {
        var (calendar, error) = CalendarApi.Authorize(http, calendarId, "events.get");
        if (calendar is null)
        {
            return error!;
        }

        lock (calendar.Gate)
        {
            return Find(calendar, eventId) is { } found ? Results.Json(found.Resource) : CalendarApi.NotFound();
        }
    }

    private static async Task<IResult> InsertAsync(string calendarId, HttpContext http, FakeCalendars calendars, TimeProvider time)
    {
        var (calendar, error) = CalendarApi.Authorize(http, calendarId, "events.insert");
        if (calendar is null)
        {
            return error!;
        }

        var resource = await http.Request.ReadFromJsonAsync<JsonObject>();
        if (resource is null)
        {
            return CalendarApi.BadRequest("Missing event.");
        }

        if (Validate(resource, calendar) is { } invalid)
        {
            return invalid;
        }

        lock (calendar.Gate)
        {
            var id = resource["id"]?.GetValue<string>();
            if (id is not null && !EventId().IsMatch(id))
            {
                return CalendarApi.BadRequest("Invalid resource id value.");
            }

            if (id is not null && calendar.Events.ContainsKey(id))
            {
                return CalendarApi.Error(StatusCodes.Status409Conflict, "duplicate", "The requested identifier already exists.", "ALREADY_EXISTS");
            }

            resource["id"] = id ?? Guid.NewGuid().ToString("N");
            resource.Remove("status");
            var stored = calendar.Put(resource, time.GetUtcNow());
            calendars.Changed(Subject(calendars, calendar));
            return Results.Json(stored);
        }
    }

    private static async Task<IResult> PatchAsync(string calendarId, string eventId, HttpContext http, FakeCalendars calendars, TimeProvider time)
    {
        var (calendar, error) = CalendarApi.Authorize(http, calendarId, "events.patch");
        if (calendar is null)
        {
            return error!;
        }

        var patch = await http.Request.ReadFromJsonAsync<JsonObject>() ?? [];
        lock (calendar.Gate)
        {
            var found = Find(calendar, eventId);
            if (found is null)
            {
                return CalendarApi.NotFound();
            }

            if (found.IsCancelled)
            {
                return CalendarApi.Deleted();
            }

            var changed = (JsonObject)found.Resource.DeepClone();
            foreach (var (name, value) in patch)
            {
                if (name is not ("id" or "kind" or "etag" or "created" or "updated" or "iCalUID"))
                {
                    changed[name] = value?.DeepClone();
                }
            }

            if (Validate(changed, calendar) is { } invalid)
            {
                return invalid;
            }

            var stored = calendar.Put(changed, time.GetUtcNow());
            calendars.Changed(Subject(calendars, calendar));
            return Results.Json(stored);
        }
    }

    private static IResult Delete(string calendarId, string eventId, HttpContext http, FakeCalendars calendars, TimeProvider time)
    {
        var (calendar, error) = CalendarApi.Authorize(http, calendarId, "events.delete");
        if (calendar is null)
        {
            return error!;
        }

        lock (calendar.Gate)
        {
            var found = Find(calendar, eventId);
            if (found is null)
            {
                return CalendarApi.NotFound();
            }

            if (found.IsCancelled)
            {
                return CalendarApi.Deleted();
            }

            calendar.Cancel(found, time.GetUtcNow());
            calendars.Changed(Subject(calendars, calendar));
            return Results.NoContent();
        }
    }

    /// <summary>A stored event, or an instance of a series (as it would be listed), found by id.</summary>
    public static StoredEvent? Find(FakeCalendar calendar, string eventId)
    {
        if (calendar.Events.TryGetValue(eventId, out var stored))
        {
            return stored;
        }

        var separator = eventId.LastIndexOf('_');
        if (separator < 0 || !calendar.Events.TryGetValue(eventId[..separator], out var series) || !series.IsSeries)
        {
            return null;
        }

        var instance = EventQuery.Run(calendar, new SyncTokenState(0, null, null, true), null, showDeleted: true)
            .FirstOrDefault(i => i["id"]!.GetValue<string>() == eventId);
        return instance is null ? null : new StoredEvent(instance, 0);
    }

    private static IResult? Validate(JsonObject resource, FakeCalendar calendar)
    {
        try
        {
            var start = EventTimes.Instant(resource["start"], calendar.TimeZone);
            var end = EventTimes.Instant(resource["end"], calendar.TimeZone);
            return end < start ? CalendarApi.Error(StatusCodes.Status400BadRequest, "timeRangeEmpty", "The specified time range is empty.") : null;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or TimeZoneNotFoundException)
        {
            return CalendarApi.Error(StatusCodes.Status400BadRequest, "required", "Missing or invalid start or end time.");
        }
    }

    private static string Subject(FakeCalendars calendars, FakeCalendar calendar) => calendars.SubjectOf(calendar);

    [GeneratedRegex("^[a-v0-9]{5,1024}$")]
    private static partial Regex EventId();
}
