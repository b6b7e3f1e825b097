using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using TranscriptionBase = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionBase;

namespace AgentCalls.Transcription.Service.Usage;

public sealed class TranscriptionGrpcService(CurrentAgent agent, UsageReport usage) : TranscriptionBase
{
    public override Task<GetUsageResponse> GetUsage(GetUsageRequest request, ServerCallContext context) =>
        usage.GetAsync(agent.Id, request, context.CancellationToken);
}
