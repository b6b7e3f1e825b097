using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Transcription.Service.Streaming;
using AgentCalls.Transcription.Service.Usage;
using Grpc.Core;
using TranscriptionBase = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionBase;

namespace AgentCalls.Transcription.Service.Api;

/// <summary>The Transcription contract's face: each rpc takes the agent from the token and hands over to its feature.</summary>
public sealed class TranscriptionGrpcService(CurrentAgent agent, UsageReport usage, LiveTranscription live) : TranscriptionBase
{
    public override Task<GetUsageResponse> GetUsage(GetUsageRequest request, ServerCallContext context) =>
        usage.GetAsync(agent.Id, request, context.CancellationToken);

    public override Task StreamTranscription(
        IAsyncStreamReader<StreamTranscriptionRequest> requestStream, IServerStreamWriter<StreamTranscriptionResponse> responseStream, ServerCallContext context) =>
        live.RunAsync(agent.Id, requestStream, responseStream, context.CancellationToken);
}
