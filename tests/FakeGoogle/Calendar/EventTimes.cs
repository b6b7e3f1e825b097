using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>Reads and writes the start/end of an event resource: <c>{"dateTime", "timeZone"}</c> or, all day, <c>{"date"}</c>.</summary>
public static class EventTimes
{
    /// <summary>The instant a start or end stands for; an all-day date is midnight in the event's (or calendar's) zone.</summary>
    public static DateTimeOffset Instant(JsonNode? time, string calendarZone)
    {
        if (time?["dateTime"]?.GetValue<string>() is { } dateTime)
        {
            return DateTimeOffset.Parse(dateTime, CultureInfo.InvariantCulture);
        }

        var date = DateOnly.ParseExact(time?["date"]?.GetValue<string>() ?? throw new FormatException("start/end needs dateTime or date"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return AtZone(date.ToDateTime(TimeOnly.MinValue), ZoneOf(time, calendarZone));
    }

    public static bool IsAllDay(JsonNode? time) => time?["date"] is not null;

    public static string ZoneOf(JsonNode? time, string calendarZone) => time?["timeZone"]?.GetValue<string>() is { Length: > 0 } zone ? zone : calendarZone;

    /// <summary>A wall-clock time in a zone as an instant: a time in the spring-forward gap moves forward, an ambiguous one takes the first.</summary>
    public static DateTimeOffset AtZone(DateTime local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static JsonObject DateTimeNode(DateTimeOffset instant, string zoneId) => new()
    {
        ["dateTime"] = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["timeZone"] = zoneId,
    };

    public static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
