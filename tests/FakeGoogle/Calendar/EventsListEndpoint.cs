using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// events.list: paging with maxResults (default 250, at most 2500) and pageToken; singleEvents; a full sync ends
/// with nextSyncToken on its last page only; an incremental sync (syncToken) returns what changed since, deleted
/// events included, and 410 fullSyncRequired for a token that is unknown or invalidated. syncToken cannot be
/// combined with timeMin, timeMax, updatedMin, orderBy or q. A page token can be asked for again (a client that
/// failed to apply a page retries it) until it expires; an unknown or expired one is 400 invalid
/// ("Invalid page token value."), as Google answers.
/// </summary>
public static class EventsListEndpoint
{
    private const int DefaultMaxResults = 250;
    private const int MaximumMaxResults = 2500;

    public static IEndpointRouteBuilder MapEventsList(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{CalendarApi.BasePath}/calendars/{{calendarId}}/events", List);
        return app;
    }

    private static IResult List(string calendarId, HttpContext http, FakeCalendars calendars)
    {
        var (calendar, error) = CalendarApi.Authorize(http, calendarId, "events.list");
        if (calendar is null)
        {
            return error!;
        }

        var query = http.Request.Query;
        var maxResults = query.TryGetValue("maxResults", out var m) ? int.Parse(m!, CultureInfo.InvariantCulture) : DefaultMaxResults;
        if (maxResults is < 1 or > MaximumMaxResults)
        {
            return CalendarApi.BadRequest("Invalid value for maxResults.");
        }

        lock (calendar.Gate)
        {
            if (query["pageToken"].ToString() is { Length: > 0 } pageToken)
            {
                return calendar.Cursors.TryGetValue(pageToken, out var cursor)
                    ? Page(calendar, cursor with { MaxResults = maxResults })
                    : CalendarApi.BadRequest("Invalid page token value.");
            }

            var singleEvents = query["singleEvents"] == "true";
            if (query["orderBy"] == "startTime" && !singleEvents)
            {
                return CalendarApi.BadRequest("The requested ordering is not available for the particular query.");
            }

            if (query["syncToken"].ToString() is { Length: > 0 } syncToken)
            {
                if (new[] { "timeMin", "timeMax", "updatedMin", "orderBy", "q" }.Any(query.ContainsKey))
                {
                    return CalendarApi.BadRequest("Sync token cannot be used with other filters.");
                }

                if (!calendar.SyncTokens.TryGetValue(syncToken, out var since))
                {
                    return CalendarApi.Error(StatusCodes.Status410Gone, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.", "NOT_FOUND");
                }

                var changes = EventQuery.Run(calendar, since, since.Version, showDeleted: true);
                return Page(calendar, new PageCursor(changes, maxResults, calendar.IssueSyncToken(since with { Version = calendar.Version })));
            }

            var window = new SyncTokenState(calendar.Version, Time(query["timeMin"]), Time(query["timeMax"]), singleEvents);
            var items = EventQuery.Run(calendar, window, sinceVersion: null, showDeleted: query["showDeleted"] == "true");
            return Page(calendar, new PageCursor(items, maxResults, calendar.IssueSyncToken(window)));
        }
    }

    private static IResult Page(FakeCalendar calendar, PageCursor cursor)
    {
        var size = !calendar.RaggedPages ? cursor.MaxResults : cursor.Served % 2 == 1 ? 0 : Math.Max(1, cursor.MaxResults / 3);
        var page = cursor.Remaining.Take(size).ToList();
        var rest = cursor.Remaining.Skip(size).ToList();
        var body = new JsonObject
        {
            ["kind"] = "calendar#events",
            ["etag"] = $"\"{calendar.Version}\"",
            ["summary"] = calendar.Owner,
            ["updated"] = EventTimes.Rfc3339(DateTimeOffset.UtcNow),
            ["timeZone"] = calendar.TimeZone,
            ["accessRole"] = "owner",
            ["defaultReminders"] = new JsonArray(new JsonObject { ["method"] = "popup", ["minutes"] = 10 }),
            ["items"] = new JsonArray([.. page.Select(item => item.DeepClone())]),
        };
        if (rest.Count > 0)
        {
            body["nextPageToken"] = calendar.OpenCursor(cursor with { Remaining = rest, Served = cursor.Served + 1 });
        }
        else
        {
            body["nextSyncToken"] = cursor.NextSyncToken;
        }

        return Results.Json(body);
    }

    private static DateTimeOffset? Time(string? value) =>
        string.IsNullOrEmpty(value) ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
