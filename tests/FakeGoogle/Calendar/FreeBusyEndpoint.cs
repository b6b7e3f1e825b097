using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>freebusy.query: the busy intervals of the caller's calendar in [timeMin, timeMax), "free" events left out.</summary>
public static class FreeBusyEndpoint
{
    public static IEndpointRouteBuilder MapFreeBusy(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{CalendarApi.BasePath}/freeBusy", (Delegate)QueryAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> QueryAsync(HttpContext http)
    {
        var body = await http.Request.ReadFromJsonAsync<JsonObject>();
        var ids = (body?["items"] as JsonArray)?.Select(i => i?["id"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
        if (body?["timeMin"] is null || body["timeMax"] is null || ids.Count == 0)
        {
            return CalendarApi.BadRequest("timeMin, timeMax and items are required.");
        }

        var calendarsNode = new JsonObject();
        foreach (var id in ids)
        {
            var (calendar, error) = CalendarApi.Authorize(http, id, "freebusy.query");
            if (calendar is null)
            {
                return error!;
            }

            var window = new SyncTokenState(0, EventTimes.Instant(new JsonObject { ["dateTime"] = body["timeMin"]!.DeepClone() }, "UTC"),
                EventTimes.Instant(new JsonObject { ["dateTime"] = body["timeMax"]!.DeepClone() }, "UTC"), SingleEvents: true);
            List<JsonObject> items;
            lock (calendar.Gate)
            {
                items = EventQuery.Run(calendar, window, null, showDeleted: false);
            }

            var busy = items.Where(i => i["transparency"]?.GetValue<string>() != "transparent")
                .Select(i => new JsonObject
                {
                    ["start"] = EventTimes.Rfc3339(Max(EventTimes.Instant(i["start"], calendar.TimeZone), window.TimeMin!.Value)),
                    ["end"] = EventTimes.Rfc3339(Min(EventTimes.Instant(i["end"], calendar.TimeZone), window.TimeMax!.Value)),
                });
            calendarsNode[id] = new JsonObject { ["busy"] = new JsonArray([.. busy]) };
        }

        return Results.Json(new JsonObject
        {
            ["kind"] = "calendar#freeBusy",
            ["timeMin"] = body["timeMin"]!.DeepClone(),
            ["timeMax"] = body["timeMax"]!.DeepClone(),
            ["calendars"] = calendarsNode,
        });
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
