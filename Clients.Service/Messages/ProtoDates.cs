using AgentCalls.ServiceDefaults.Grpc;
using Google.Type;

namespace AgentCalls.Clients.Service.Messages;

/// <summary>google.type.Date and TimeOfDay to and from .NET, refusing values no calendar or clock has.</summary>
public static class ProtoDates
{
    public static DateOnly? Read(Date? date, FieldViolations violations, string field)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= System.DateTime.DaysInMonth(date.Year, date.Month))
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }

        violations.Add(field, "is not a calendar date (year, month and day all set).");
        return null;
    }

    public static TimeOnly? Read(TimeOfDay? time, FieldViolations violations, string field)
    {
        if (time is null)
        {
            return null;
        }

        if (time.Hours is >= 0 and <= 23 && time.Minutes is >= 0 and <= 59 && time.Seconds is >= 0 and <= 59 && time.Nanos is >= 0 and <= 999_999_999)
        {
            return new TimeOnly(time.Hours, time.Minutes, time.Seconds);
        }

        violations.Add(field, "is not a time of day (hours 0 to 23, minutes and seconds 0 to 59).");
        return null;
    }

    public static Date? ToProto(DateOnly? date) =>
        date is { } d ? new Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    public static TimeOfDay? ToProto(TimeOnly? time) =>
        time is { } t ? new TimeOfDay { Hours = t.Hour, Minutes = t.Minute, Seconds = t.Second } : null;
}
