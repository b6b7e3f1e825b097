using AgentCalls.Clients.Service.Settings;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using CallQueueBase = AgentCalls.Contracts.Clients.V1.CallQueue.CallQueueBase;

namespace AgentCalls.Clients.Service.CallQueue;

public sealed class CallQueueGrpcService(CurrentAgent agent, CallQueueRanking ranking, BookSettingsEditor settings) : CallQueueBase
{
    public override Task<ListCallQueueResponse> ListCallQueue(ListCallQueueRequest request, ServerCallContext context) =>
        ranking.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.BookSettings> GetBookSettings(GetBookSettingsRequest request, ServerCallContext context) =>
        settings.GetAsync(agent.Id, context.CancellationToken);

    public override Task<Contracts.Clients.V1.BookSettings> UpdateBookSettings(UpdateBookSettingsRequest request, ServerCallContext context) =>
        settings.UpdateAsync(agent.Id, request, context.CancellationToken);
}
