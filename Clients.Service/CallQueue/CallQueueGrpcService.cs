using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using CallQueueBase = AgentCalls.Contracts.Clients.V1.CallQueue.CallQueueBase;

namespace AgentCalls.Clients.Service.CallQueue;

public sealed class CallQueueGrpcService(CurrentAgent agent, CallQueueRanking ranking) : CallQueueBase
{
    public override Task<ListCallQueueResponse> ListCallQueue(ListCallQueueRequest request, ServerCallContext context) =>
        ranking.RankAndReadAsync(agent.Id, request, context.CancellationToken);
}
