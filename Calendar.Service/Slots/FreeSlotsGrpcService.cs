using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using FreeSlotsBase = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsBase;

namespace AgentCalls.Calendar.Service.Slots;

public sealed class FreeSlotsGrpcService(CurrentAgent agent, FreeSlotQuery query) : FreeSlotsBase
{
    public override Task<ListFreeSlotsResponse> ListFreeSlots(ListFreeSlotsRequest request, ServerCallContext context) =>
        query.ListAsync(agent.Id, request, context.CancellationToken);
}
