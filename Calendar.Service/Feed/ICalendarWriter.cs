using AgentCalls.Calendar.Service.CalendarEvents;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace AgentCalls.Calendar.Service.Feed;

/// <summary>Events as an iCalendar (RFC 5545) document: one VEVENT each, in UTC, with a display alarm for its reminder.</summary>
public static class ICalendarWriter
{
    public static string Write(IEnumerable<CachedEvent> events, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//AgentCalls//Calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "AgentCalls");
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@agentcalls",
                Summary = e.Title,
                Description = e.Description,
                DtStart = new CalDateTime(e.StartsAt.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(e.EndsAt.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                Transparency = e.Busy ? TransparencyType.Opaque : TransparencyType.Transparent,
            };
            if (e.ReminderMinutes > 0)
            {
                item.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = e.Title, Trigger = new Trigger(Duration.FromMinutes(-e.ReminderMinutes)) });
            }

            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
