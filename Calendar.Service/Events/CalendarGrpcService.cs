using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using CalendarBase = AgentCalls.Contracts.Calendar.V1.Calendar.CalendarBase;

namespace AgentCalls.Calendar.Service.Events;

public sealed class CalendarGrpcService(CurrentAgent agent, EventListing listing) : CalendarBase
{
    public override Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context) =>
        listing.ListAsync(agent.Id, request, context.CancellationToken);
}
