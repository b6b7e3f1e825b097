using AgentCalls.Contracts.Calendar.V1;
using Google.Protobuf.WellKnownTypes;

namespace AgentCalls.Calendar.Service.CalendarEvents;

/// <summary>A cached row as the API shows it.</summary>
public static class EventMessages
{
    public static CalendarEvent ToMessage(CachedEvent e) => new()
    {
        EventId = e.Id.ToString(),
        Title = e.Title,
        StartTime = Timestamp.FromDateTimeOffset(e.StartsAt),
        EndTime = Timestamp.FromDateTimeOffset(e.EndsAt),
        Provider = e.Provider,
        ClientId = e.ClientId?.ToString() ?? "",
        ClientName = e.ClientName ?? "",
        ClientPhone = e.ClientPhone ?? "",
        AllDay = e.AllDay,
        Busy = e.Busy,
        ReminderMinutes = e.ReminderMinutes,
        HeldAt = e.HeldAt is { } held ? Timestamp.FromDateTimeOffset(held) : null,
        CallLogId = e.CallLogId?.ToString() ?? "",
    };
}
