using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// Expands a recurring event into its instances, as <c>singleEvents=true</c> does: RRULE with FREQ=DAILY or WEEKLY,
/// INTERVAL, BYDAY (weekly), COUNT and UNTIL, stepping in the event's own time zone so a 9:00 meeting stays at 9:00
/// across daylight-saving changes. Instance ids are Google's: the series id, "_", the original start in UTC.
/// </summary>
public static class Recurrence
{
    private const int MaximumInstances = 5000;

    public static IEnumerable<(string Id, DateTimeOffset Start, DateTimeOffset End)> Instances(JsonObject series, string calendarZone, DateTimeOffset until)
    {
        var rule = (series["recurrence"] as JsonArray)?.Select(r => r?.GetValue<string>()).FirstOrDefault(r => r?.StartsWith("RRULE:", StringComparison.Ordinal) == true);
        var start = EventTimes.Instant(series["start"], calendarZone);
        var length = EventTimes.Instant(series["end"], calendarZone) - start;
        var allDay = EventTimes.IsAllDay(series["start"]);
        var zone = EventTimes.ZoneOf(series["start"], calendarZone);
        var id = series["id"]!.GetValue<string>();
        if (rule is null)
        {
            yield return (id, start, start + length);
            yield break;
        }

        var parts = rule["RRULE:".Length..].Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.ElementAtOrDefault(1) ?? "");
        var interval = parts.TryGetValue("INTERVAL", out var i) ? int.Parse(i, CultureInfo.InvariantCulture) : 1;
        int? count = parts.TryGetValue("COUNT", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : null;
        var ruleUntil = parts.TryGetValue("UNTIL", out var u) ? ParseUntil(u) : DateTimeOffset.MaxValue;
        var localStart = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;
        var days = parts.TryGetValue("BYDAY", out var byDay) && parts["FREQ"] == "WEEKLY"
            ? byDay.Split(',').Select(ParseDay).ToHashSet()
            : [localStart.DayOfWeek];
        var weekStart = localStart.Date.AddDays(-(((int)localStart.DayOfWeek + 6) % 7));
        var produced = 0;
        for (var period = 0; produced < MaximumInstances; period++)
        {
            var candidates = parts["FREQ"] switch
            {
                "DAILY" => [localStart.AddDays(period * interval)],
                "WEEKLY" => Enumerable.Range(0, 7).Select(d => weekStart.AddDays(period * interval * 7 + d) + localStart.TimeOfDay).Where(t => days.Contains(t.DayOfWeek) && t >= localStart).ToList(),
                _ => throw new NotSupportedException($"The fake expands DAILY and WEEKLY rules only, not {rule}."),
            };
            foreach (var local in candidates)
            {
                var instanceStart = allDay ? EventTimes.AtZone(local.Date, zone) : EventTimes.AtZone(local, zone);
                if (instanceStart > ruleUntil || instanceStart >= until || (count is { } limit && produced >= limit))
                {
                    yield break;
                }

                produced++;
                var suffix = allDay ? local.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : instanceStart.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                yield return ($"{id}_{suffix}", instanceStart, allDay ? EventTimes.AtZone(local.Date + length, zone) : instanceStart + length);
            }
        }
    }

    private static DateTimeOffset ParseUntil(string value) =>
        value.Length == 8
            ? new DateTimeOffset(DateTime.ParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(1), TimeSpan.Zero)
            : DateTimeOffset.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DayOfWeek ParseDay(string day) => day[^2..] switch
    {
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };
}
