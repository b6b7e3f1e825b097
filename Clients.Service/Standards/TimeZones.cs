using NodaTime;

namespace AgentCalls.Clients.Service.Standards;

/// <summary>IANA time zones (NodaTime's TZDB) and what "today" is in one.</summary>
public static class TimeZones
{
    public static bool IsKnown(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    public static DateOnly Today(string zoneId, DateTimeOffset now)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
        return Instant.FromDateTimeOffset(now).InZone(zone).Date.ToDateOnly();
    }
}
