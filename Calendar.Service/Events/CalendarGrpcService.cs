using AgentCalls.Calendar.Service.Calls;
using AgentCalls.Calendar.Service.Feed;
using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Slots;
using AgentCalls.Calendar.Service.Sync;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using CalendarBase = AgentCalls.Contracts.Calendar.V1.Calendar.CalendarBase;

namespace AgentCalls.Calendar.Service.Events;

/// <summary>The Calendar contract: each method takes the agent from the token and hands the request to one logic class.</summary>
public sealed class CalendarGrpcService(CurrentAgent agent, IServiceProvider services) : CalendarBase
{
    public override Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context) =>
        Get<EventListing>().ListAsync(agent.Id, request, context.CancellationToken);

    public override async Task<CalendarSettings> GetCalendarSettings(GetCalendarSettingsRequest request, ServerCallContext context) =>
        SettingsMessages.ToMessage(await Get<SettingsStore>().GetAsync(agent.Id, context.CancellationToken));

    public override async Task<CalendarSettings> UpdateCalendarSettings(UpdateCalendarSettingsRequest request, ServerCallContext context) =>
        SettingsMessages.ToMessage(await Get<SettingsStore>().ReplaceAsync(SettingsMessages.FromMessage(agent.Id, request.Settings), context.CancellationToken));

    public override Task<ListFreeSlotsResponse> ListFreeSlots(ListFreeSlotsRequest request, ServerCallContext context) =>
        Get<FreeSlotQuery>().ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<CalendarEvent> ScheduleCall(ScheduleCallRequest request, ServerCallContext context) =>
        Get<CallScheduler>().ScheduleAsync(agent.Id, request, context.CancellationToken);

    public override Task<CalendarEvent> RescheduleCall(RescheduleCallRequest request, ServerCallContext context) =>
        Get<CallChanges>().RescheduleAsync(agent.Id, request, context.CancellationToken);

    public override async Task<CancelCallResponse> CancelCall(CancelCallRequest request, ServerCallContext context)
    {
        await Get<CallChanges>().CancelAsync(agent.Id, request, context.CancellationToken);
        return new CancelCallResponse();
    }

    public override Task<SyncStatus> GetSyncStatus(GetSyncStatusRequest request, ServerCallContext context) =>
        Get<SyncStatuses>().GetAsync(agent.Id, context.CancellationToken);

    public override Task<SyncStatus> SyncNow(SyncNowRequest request, ServerCallContext context) =>
        Get<SyncStatuses>().SyncNowAsync(agent.Id, context.CancellationToken);

    public override Task<CalendarFeed> GetCalendarFeed(GetCalendarFeedRequest request, ServerCallContext context) =>
        Get<FeedStore>().GetAsync(agent.Id, context.CancellationToken);

    public override Task<CalendarFeed> RegenerateCalendarFeed(RegenerateCalendarFeedRequest request, ServerCallContext context) =>
        Get<FeedStore>().RegenerateAsync(agent.Id, context.CancellationToken);

    // Each method needs one logic class: resolve only that one, not all of them for every call.
    private T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
