using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;
using ScheduledCallsClient = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient;

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

    public static async Task<CalendarEvent> ScheduleAsync(this ScheduledCallsClient calls, SignedInAgent agent, ScheduleCallRequest request) =>
        await calls.ScheduleCallAsync(request, agent.Bearer, cancellationToken: Cancel);

    public static async Task<CalendarEvent> MoveAsync(this ScheduledCallsClient calls, SignedInAgent agent, string eventId, DateTimeOffset start) =>
        await calls.RescheduleCallAsync(new() { EventId = eventId, StartTime = Timestamp.FromDateTimeOffset(start) }, agent.Bearer, cancellationToken: Cancel);

    public static async Task CancelAsync(this ScheduledCallsClient calls, SignedInAgent agent, string eventId) =>
        await calls.CancelCallAsync(new() { EventId = eventId }, agent.Bearer, cancellationToken: Cancel);

    public static async Task<ListFreeSlotsResponse> SlotsAsync(this FreeSlotsClient slots, SignedInAgent agent, NodaTime.LocalDate first, NodaTime.LocalDate last, int maxSlots = 500) =>
        await slots.ListFreeSlotsAsync(new() { StartDate = TestDays.ToDate(first), EndDate = TestDays.ToDate(last), MaxSlots = maxSlots }, agent.Bearer, cancellationToken: Cancel);
}
