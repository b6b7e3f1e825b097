using NodaTime;

namespace AgentCalls.Calendar.Tests;

/// <summary>Days in the future (slots and calls are never in the past), found from today, so the tests never age.</summary>
public static class TestDays
{
    /// <summary>Today at midnight UTC.</summary>
    public static DateTimeOffset Today => new(DateTime.UtcNow.Date, TimeSpan.Zero);

    /// <summary>The Monday at least <paramref name="weeksAhead"/> weeks from now, at midnight UTC.</summary>
    public static DateTimeOffset Monday(int weeksAhead = 2)
    {
        var day = DateTimeOffset.UtcNow.Date.AddDays(7 * weeksAhead);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    /// <summary>The local date of the zone's next daylight-saving change at least three days away: the day before it
    /// is then wholly in the future, so its slots are listed whatever day of the year the tests run (a change due
    /// tomorrow would leave today's 9:00 in the past).</summary>
    public static LocalDate NextSwitch(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var change = zone.GetZoneInterval(SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(3)).End;
        return change.InZone(zone).Date;
    }

    public static global::Google.Type.Date ToDate(LocalDate day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
