using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using SyncBase = AgentCalls.Contracts.Calendar.V1.Sync.SyncBase;

namespace AgentCalls.Calendar.Service.Sync;

public sealed class SyncGrpcService(CurrentAgent agent, SyncStatuses statuses) : SyncBase
{
    public override Task<SyncStatus> GetSyncStatus(GetSyncStatusRequest request, ServerCallContext context) =>
        statuses.GetAsync(agent.Id, context.CancellationToken);

    public override Task<SyncStatus> SyncNow(SyncNowRequest request, ServerCallContext context) =>
        statuses.SyncNowAsync(agent.Id, context.CancellationToken);
}
