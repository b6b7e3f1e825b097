using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using CalendarEventsBase = AgentCalls.Contracts.Calendar.V1.CalendarEvents.CalendarEventsBase;

namespace AgentCalls.Calendar.Service.CalendarEvents;

public sealed class CalendarEventsGrpcService(CurrentAgent agent, EventListing listing) : CalendarEventsBase
{
    public override Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context) =>
        listing.ListAsync(agent.Id, request, context.CancellationToken);
}
