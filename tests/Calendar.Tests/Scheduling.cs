using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using CalendarClient = AgentCalls.Contracts.Calendar.V1.Calendar.CalendarClient;

namespace AgentCalls.Calendar.Tests;

/// <summary>Schedule, move and cancel calls as a client of the API does.</summary>
public static class Scheduling
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static ScheduleCallRequest Request(string clientId, DateTimeOffset start, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        ClientId = clientId,
        StartTime = Timestamp.FromDateTimeOffset(start),
    };

    public static async Task<CalendarEvent> ScheduleAsync(this CalendarClient calendar, SignedInAgent agent, ScheduleCallRequest request) =>
        await calendar.ScheduleCallAsync(request, agent.Bearer, cancellationToken: Cancel);

    public static async Task<CalendarEvent> MoveAsync(this CalendarClient calendar, SignedInAgent agent, string eventId, DateTimeOffset start) =>
        await calendar.RescheduleCallAsync(new() { EventId = eventId, StartTime = Timestamp.FromDateTimeOffset(start) }, agent.Bearer, cancellationToken: Cancel);

    public static async Task CancelAsync(this CalendarClient calendar, SignedInAgent agent, string eventId) =>
        await calendar.CancelCallAsync(new() { EventId = eventId }, agent.Bearer, cancellationToken: Cancel);

    public static async Task<ListFreeSlotsResponse> SlotsAsync(this CalendarClient calendar, SignedInAgent agent, NodaTime.LocalDate first, NodaTime.LocalDate last, int maxSlots = 500) =>
        await calendar.ListFreeSlotsAsync(new() { StartDate = TestDays.ToDate(first), EndDate = TestDays.ToDate(last), MaxSlots = maxSlots }, agent.Bearer, cancellationToken: Cancel);
}
