using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using NodaTime;
using ProtoDayOfWeek = Google.Type.DayOfWeek;
using TimeOfDay = Google.Type.TimeOfDay;

namespace AgentCalls.Calendar.Service.Settings;

/// <summary>
/// Between the settings message and <see cref="AgentSettings"/>, with every rule checked: an IANA zone, each day
/// at most once with start before end (24:00 allowed as an end), call length 5–240, buffer 0–120, reminder 0–1440.
/// </summary>
public static class SettingsMessages
{
    public const int MinimumCallLength = 5;
    public const int MaximumCallLength = 240;

    public static CalendarSettings ToMessage(AgentSettings settings)
    {
        var message = new CalendarSettings
        {
            TimeZone = settings.TimeZone,
            CallLengthMinutes = settings.CallLengthMinutes,
            BufferMinutes = settings.BufferMinutes,
            ReminderMinutes = settings.ReminderMinutes,
            UpdatedAt = settings.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        message.WorkingHours.AddRange(settings.WorkingHours.Select(d => new WorkingHours
        {
            DayOfWeek = d.Day == System.DayOfWeek.Sunday ? ProtoDayOfWeek.Sunday : (ProtoDayOfWeek)(int)d.Day,
            Start = ToTimeOfDay(d.Start, endOfDay: false),
            End = ToTimeOfDay(d.End, endOfDay: true),
        }));
        return message;
    }

    /// <summary>The settings the message asks for, or InvalidArgument naming every field at fault.</summary>
    public static AgentSettings FromMessage(Guid agentId, CalendarSettings? message)
    {
        var violations = new FieldViolations();
        if (message is null)
        {
            throw FieldViolations.Single("settings", "is required.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(message.TimeZone) is null)
        {
            violations.Add("timeZone", "is not an IANA time zone (for example America/New_York).");
        }

        var days = new List<WorkingDay>();
        for (var i = 0; i < message.WorkingHours.Count; i++)
        {
            if (ReadDay(message.WorkingHours[i], $"workingHours[{i}]", violations) is { } day)
            {
                if (days.Any(d => d.Day == day.Day))
                {
                    violations.Add($"workingHours[{i}].dayOfWeek", "is given more than once.");
                }

                days.Add(day);
            }
        }

        Range(message.CallLengthMinutes, MinimumCallLength, MaximumCallLength, "callLengthMinutes", violations);
        Range(message.BufferMinutes, 0, 120, "bufferMinutes", violations);
        Range(message.ReminderMinutes, 0, 1440, "reminderMinutes", violations);
        violations.ThrowIfAny();
        return new AgentSettings
        {
            AgentId = agentId,
            TimeZone = message.TimeZone,
            WorkingHours = days,
            CallLengthMinutes = message.CallLengthMinutes,
            BufferMinutes = message.BufferMinutes,
            ReminderMinutes = message.ReminderMinutes,
        };
    }

    public static void Range(int value, int minimum, int maximum, string field, FieldViolations violations)
    {
        if (value < minimum || value > maximum)
        {
            violations.Add(field, $"must be between {minimum} and {maximum}.");
        }
    }

    private static WorkingDay? ReadDay(WorkingHours hours, string field, FieldViolations violations)
    {
        if (hours.DayOfWeek is ProtoDayOfWeek.Unspecified || !System.Enum.IsDefined(hours.DayOfWeek))
        {
            violations.Add($"{field}.dayOfWeek", "must be MONDAY to SUNDAY.");
            return null;
        }

        var start = ReadTime(hours.Start, $"{field}.start", violations, allowEndOfDay: false);
        var end = ReadTime(hours.End, $"{field}.end", violations, allowEndOfDay: true);
        if (start is null || end is null)
        {
            return null;
        }

        // 24:00 is stored as 00:00: midnight at the end of the day.
        if (end != TimeOnly.MinValue && end <= start)
        {
            violations.Add($"{field}.end", "must be after start.");
            return null;
        }

        var day = hours.DayOfWeek == ProtoDayOfWeek.Sunday ? System.DayOfWeek.Sunday : (System.DayOfWeek)(int)hours.DayOfWeek;
        return new WorkingDay(day, start.Value, end.Value);
    }

    private static TimeOnly? ReadTime(TimeOfDay? time, string field, FieldViolations violations, bool allowEndOfDay)
    {
        if (time is null)
        {
            violations.Add(field, "is required.");
            return null;
        }

        if (allowEndOfDay && time is { Hours: 24, Minutes: 0, Seconds: 0, Nanos: 0 })
        {
            return TimeOnly.MinValue;
        }

        if (time.Hours is < 0 or > 23 || time.Minutes is < 0 or > 59 || time.Seconds != 0 || time.Nanos != 0)
        {
            violations.Add(field, allowEndOfDay ? "must be a whole minute from 00:00 to 24:00." : "must be a whole minute from 00:00 to 23:59.");
            return null;
        }

        return new TimeOnly(time.Hours, time.Minutes);
    }

    private static TimeOfDay ToTimeOfDay(TimeOnly time, bool endOfDay) =>
        endOfDay && time == TimeOnly.MinValue ? new TimeOfDay { Hours = 24 } : new TimeOfDay { Hours = time.Hour, Minutes = time.Minute };
}
