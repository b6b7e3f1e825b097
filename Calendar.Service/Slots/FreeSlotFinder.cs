using AgentCalls.Calendar.Service.Settings;
using NodaTime;
using NodaTime.Utility;

namespace AgentCalls.Calendar.Service.Slots;

/// <summary>
/// Finds where a call fits: on each day of the range, within the agent's working hours in the agent's time zone,
/// starting on the quarter hour, ending by the end of working hours, not in the past, and keeping the buffer
/// clear of every busy interval. Working hours are wall-clock times, so across a daylight-saving change they move
/// in UTC and a day can be an hour shorter or longer; a start that falls in the skipped hour does not exist.
/// </summary>
public static class FreeSlotFinder
{
    public static readonly Duration Step = Duration.FromMinutes(15);

    public static List<(Instant Start, Instant End)> Find(
        AgentSettings settings, LocalDate firstDay, LocalDate lastDay, IReadOnlyList<(Instant Start, Instant End)> busy,
        Duration callLength, Instant notBefore, int maxSlots)
    {
        var zone = DateTimeZoneProviders.Tzdb[settings.TimeZone];
        var buffer = Duration.FromMinutes(settings.BufferMinutes);
        var blocked = busy.Select(b => (Start: b.Start - buffer, End: b.End + buffer)).OrderBy(b => b.Start).ToList();
        var slots = new List<(Instant, Instant)>();
        for (var day = firstDay; day <= lastDay && slots.Count < maxSlots; day = day.PlusDays(1))
        {
            var hours = settings.WorkingHours.FirstOrDefault(h => h.Day == BclConversions.ToDayOfWeek(day.DayOfWeek));
            if (hours is null)
            {
                continue;
            }

            var (windowStart, windowEnd) = Window(zone, day, hours);
            for (var start = windowStart; start + callLength <= windowEnd && slots.Count < maxSlots; start += Step)
            {
                var end = start + callLength;
                if (start >= notBefore && !blocked.Any(b => b.Start < end && start < b.End))
                {
                    slots.Add((start, end));
                }
            }
        }

        return slots;
    }

    /// <summary>The day's working hours as instants; a wall-clock time the clocks skip is read as the moment after the gap.</summary>
    private static (Instant Start, Instant End) Window(DateTimeZone zone, LocalDate day, WorkingDay hours)
    {
        var start = day.At(LocalTime.FromHourMinuteSecondTick(hours.Start.Hour, hours.Start.Minute, 0, 0)).InZoneLeniently(zone).ToInstant();
        var end = hours.End == TimeOnly.MinValue
            ? zone.AtStartOfDay(day.PlusDays(1)).ToInstant()
            : day.At(LocalTime.FromHourMinuteSecondTick(hours.End.Hour, hours.End.Minute, 0, 0)).InZoneLeniently(zone).ToInstant();
        return (start, end);
    }
}
