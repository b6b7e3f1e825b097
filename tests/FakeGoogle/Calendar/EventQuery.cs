using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// The result set of an events.list: events overlapping [timeMin, timeMax) (timeMin bounds the end, timeMax the
/// start), series expanded into instances with singleEvents, and for an incremental query only what changed since
/// the token's version, deletions included as "cancelled" entries, and, as at Google, changes to events wherever they
/// now are: the full sync's window does not bound them (an event moved out of it is still reported). Ordered by start
/// time, then id.
/// </summary>
public static class EventQuery
{
    private static readonly TimeSpan OpenEndedExpansion = TimeSpan.FromDays(730);

    public static List<JsonObject> Run(FakeCalendar calendar, SyncTokenState query, long? sinceVersion, bool showDeleted)
    {
        var results = new List<(DateTimeOffset Start, JsonObject Item)>();
        var expandUntil = query.TimeMax ?? (query.TimeMin ?? DateTimeOffset.UtcNow) + OpenEndedExpansion;
        foreach (var stored in calendar.Events.Values)
        {
            var changed = sinceVersion is null || stored.Version > sinceVersion;
            var includeDeleted = showDeleted || sinceVersion is not null;
            if (stored.IsSeries && query.SingleEvents)
            {
                if (changed && (!stored.IsCancelled || includeDeleted))
                {
                    results.AddRange(Instances(calendar, stored, expandUntil)
                        .Where(i => i.Item["status"]!.GetValue<string>() == "cancelled" || sinceVersion is not null || Overlaps(i.Start, i.End, query))
                        .Select(i => (i.Start, i.Item)));
                }

                continue;
            }

            if (!changed || (stored.IsCancelled && !includeDeleted))
            {
                continue;
            }

            var start = EventTimes.Instant(stored.Resource["start"], calendar.TimeZone);
            var end = EventTimes.Instant(stored.Resource["end"], calendar.TimeZone);
            if (stored.IsCancelled)
            {
                results.Add((start, Tombstone(stored.Resource)));
            }
            else if (sinceVersion is not null || Overlaps(start, end, query) || (stored.IsSeries && !query.SingleEvents))
            {
                results.Add((start, (JsonObject)stored.Resource.DeepClone()));
            }
        }

        return [.. results.OrderBy(r => r.Start).ThenBy(r => r.Item["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(r => r.Item)];
    }

    /// <summary>The instances of a series, except those an exception (an event with the instance's id) replaces.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, JsonObject Item)> Instances(FakeCalendar calendar, StoredEvent series, DateTimeOffset until)
    {
        foreach (var (id, start, end) in Recurrence.Instances(series.Resource, calendar.TimeZone, until))
        {
            if (calendar.Events.ContainsKey(id))
            {
                continue;
            }

            var instance = (JsonObject)series.Resource.DeepClone();
            instance.Remove("recurrence");
            instance["id"] = id;
            instance["recurringEventId"] = series.Id;
            var zone = EventTimes.ZoneOf(series.Resource["start"], calendar.TimeZone);
            var allDay = EventTimes.IsAllDay(series.Resource["start"]);
            instance["start"] = allDay ? DateNode(start, zone) : EventTimes.DateTimeNode(start, zone);
            instance["end"] = allDay ? DateNode(end, zone) : EventTimes.DateTimeNode(end, zone);
            instance["originalStartTime"] = instance["start"]!.DeepClone();
            yield return (start, end, series.IsCancelled ? Tombstone(instance) : instance);
        }
    }

    private static JsonObject DateNode(DateTimeOffset instant, string zone) =>
        new() { ["date"] = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-dd") };

    /// <summary>What Google says of a deleted event in an incremental result: little more than its id.</summary>
    private static JsonObject Tombstone(JsonObject resource)
    {
        var tombstone = new JsonObject
        {
            ["kind"] = "calendar#event",
            ["etag"] = resource["etag"]?.DeepClone(),
            ["id"] = resource["id"]!.DeepClone(),
            ["status"] = "cancelled",
        };
        if (resource["recurringEventId"] is { } series)
        {
            tombstone["recurringEventId"] = series.DeepClone();
            tombstone["originalStartTime"] = (resource["originalStartTime"] ?? resource["start"])?.DeepClone();
        }

        return tombstone;
    }

    private static bool Overlaps(DateTimeOffset start, DateTimeOffset end, SyncTokenState query) =>
        (query.TimeMin is not { } min || end > min || (start == end && start >= min)) && (query.TimeMax is not { } max || start < max);
}
