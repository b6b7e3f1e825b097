using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// What tests do to a calendar that, at Google, the account owner or Google itself would do: add, change and
/// delete events (in the Google Calendar app), load many events at once, invalidate every sync token (Google may at
/// any time), expire the page tokens handed out, set the calendar's time zone, refuse the next requests with 429 or 403 rateLimitExceeded; and what
/// they read back: the stored events, the open channels, the notifications sent.
/// </summary>
public static class CalendarControlEndpoints
{
    public static IEndpointRouteBuilder MapCalendarControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/__fake/calendar");
        control.MapPost("/{subject}/events", (string subject, JsonObject resource, FakeGoogleState state, FakeCalendars calendars, TimeProvider time) =>
            Change(subject, state, calendars, calendar =>
            {
                resource["id"] ??= Guid.NewGuid().ToString("N");
                var existing = calendar.Events.GetValueOrDefault(resource["id"]!.GetValue<string>());
                if (existing is not null)
                {
                    resource["created"] = existing.Resource["created"]?.DeepClone();
                }

                return Results.Json(calendar.Put(resource, time.GetUtcNow()));
            }));
        control.MapPost("/{subject}/events:bulk", (string subject, BulkEvents bulk, FakeGoogleState state, FakeCalendars calendars, TimeProvider time) =>
            Change(subject, state, calendars, calendar =>
            {
                var now = time.GetUtcNow();
                for (var i = 0; i < bulk.Count; i++)
                {
                    var start = bulk.Start.AddMinutes(i * bulk.SpacingMinutes);
                    calendar.Put(new JsonObject
                    {
                        ["id"] = $"{bulk.IdPrefix}{i:d6}",
                        ["summary"] = $"{bulk.Summary} {i}",
                        ["start"] = EventTimes.DateTimeNode(start, calendar.TimeZone),
                        ["end"] = EventTimes.DateTimeNode(start.AddMinutes(bulk.DurationMinutes), calendar.TimeZone),
                    }, now);
                }

                return Results.Json(new { created = bulk.Count });
            }));
        control.MapDelete("/{subject}/events/{eventId}", (string subject, string eventId, FakeGoogleState state, FakeCalendars calendars, TimeProvider time) =>
            Change(subject, state, calendars, calendar =>
            {
                if (EventsEndpoints.Find(calendar, eventId) is not { IsCancelled: false } found)
                {
                    return Results.NotFound();
                }

                calendar.Cancel(found, time.GetUtcNow());
                return Results.NoContent();
            }));
        control.MapGet("/{subject}/events", (string subject, FakeGoogleState state, FakeCalendars calendars) =>
            Read(subject, state, calendars, calendar => Results.Json(calendar.Events.Values.Select(e => e.Resource))));
        control.MapPost("/{subject}/invalidate-sync-tokens", (string subject, FakeGoogleState state, FakeCalendars calendars) =>
            Read(subject, state, calendars, calendar =>
            {
                calendar.SyncTokens.Clear();
                return Results.NoContent();
            }));
        control.MapPost("/{subject}/expire-page-tokens", (string subject, FakeGoogleState state, FakeCalendars calendars) =>
            Read(subject, state, calendars, calendar =>
            {
                calendar.Cursors.Clear();
                return Results.NoContent();
            }));
        control.MapPost("/{subject}/ragged-pages", (string subject, RaggedPages ragged, FakeGoogleState state, FakeCalendars calendars) =>
            Read(subject, state, calendars, calendar =>
            {
                calendar.RaggedPages = ragged.Enabled;
                return Results.NoContent();
            }));
        control.MapPost("/{subject}/time-zone", (string subject, CalendarTimeZone zone, FakeGoogleState state, FakeCalendars calendars) =>
            Read(subject, state, calendars, calendar =>
            {
                calendar.TimeZone = zone.TimeZone;
                return Results.NoContent();
            }));
        control.MapPost("/faults", (CalendarFaults faults, FakeCalendars calendars) =>
        {
            calendars.Faults = faults;
            return Results.NoContent();
        });
        control.MapPost("/throttle", (Throttle throttle, FakeCalendars calendars) =>
        {
            calendars.ThrottleNext(throttle);
            return Results.NoContent();
        });
        control.MapGet("/channels", (FakeCalendars calendars) => Results.Json(calendars.Channels()));
        control.MapGet("/notifications", (ChannelNotifier notifier) => Results.Json(notifier.Deliveries));
        return app;
    }

    private static IResult Change(string subject, FakeGoogleState state, FakeCalendars calendars, Func<FakeCalendar, IResult> change)
    {
        var result = Read(subject, state, calendars, change);
        calendars.Changed(subject);
        return result;
    }

    private static IResult Read(string subject, FakeGoogleState state, FakeCalendars calendars, Func<FakeCalendar, IResult> read)
    {
        if (state.FindUser(subject) is not { } user)
        {
            return Results.NotFound();
        }

        var calendar = calendars.For(subject, user.Email);
        lock (calendar.Gate)
        {
            return read(calendar);
        }
    }

    /// <summary>Many one-off events, <see cref="SpacingMinutes"/> apart from <see cref="Start"/>.</summary>
    public sealed record BulkEvents(int Count, DateTimeOffset Start, int SpacingMinutes, int DurationMinutes, string IdPrefix, string Summary);

    public sealed record CalendarTimeZone(string TimeZone);

    public sealed record RaggedPages(bool Enabled);
}
