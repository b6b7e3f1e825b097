using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using ScheduledCallsBase = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsBase;

namespace AgentCalls.Calendar.Service.Calls;

public sealed class ScheduledCallsGrpcService(CurrentAgent agent, CallScheduler scheduler, CallChanges changes) : ScheduledCallsBase
{
    public override Task<CalendarEvent> ScheduleCall(ScheduleCallRequest request, ServerCallContext context) =>
        scheduler.ScheduleAsync(agent.Id, request, context.CancellationToken);

    public override Task<CalendarEvent> RescheduleCall(RescheduleCallRequest request, ServerCallContext context) =>
        changes.RescheduleAsync(agent.Id, request, context.CancellationToken);

    public override async Task<CancelCallResponse> CancelCall(CancelCallRequest request, ServerCallContext context)
    {
        await changes.CancelAsync(agent.Id, request, context.CancellationToken);
        return new CancelCallResponse();
    }
}
