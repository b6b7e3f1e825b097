using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.Transcription.Service.Settings;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Streaming;
using AgentCalls.Transcription.Service.Usage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TranscriptionBase = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionBase;

namespace AgentCalls.Transcription.Service.Api;

/// <summary>
/// The Transcription contract's face: each rpc takes the agent from the token and hands over to its feature, except the
/// live stream, which only Conversation.Service's own token may open (<see cref="LiveStreamAuthorization"/>) and
/// whose settings name the agent.
/// </summary>
public sealed class TranscriptionGrpcService(
    CurrentAgent agent, UsageReport usage, UsageMeter meter, SpeechEngines engines, SpeechSettingsEditor settings, LiveTranscription live) : TranscriptionBase
{
    public override async Task<GetUsageResponse> GetUsage(GetUsageRequest request, ServerCallContext context)
    {
        var response = await usage.GetAsync(agent.Id, request, context.CancellationToken);
        response.MonthlyLimitSeconds = meter.MonthlyLimitSeconds;
        response.MonthAudioSeconds = await meter.UsedThisMonthAsync(agent.Id, context.CancellationToken);
        response.Engine = engines.InUse(await settings.ChoiceAsync(agent.Id, context.CancellationToken)).Name;
        return response;
    }

    [Authorize(Policy = LiveStreamAuthorization.Policy)]
    public override Task StreamTranscription(
        IAsyncStreamReader<StreamTranscriptionRequest> requestStream, IServerStreamWriter<StreamTranscriptionResponse> responseStream, ServerCallContext context) =>
        live.RunAsync(requestStream, responseStream, context.CancellationToken);

    public override async Task<GetSettingsResponse> GetSettings(GetSettingsRequest request, ServerCallContext context) =>
        new() { Settings = await settings.GetAsync(agent.Id, context.CancellationToken) };

    public override async Task<UpdateSettingsResponse> UpdateSettings(UpdateSettingsRequest request, ServerCallContext context) =>
        new() { Settings = await settings.UpdateAsync(agent.Id, request, context.CancellationToken) };
}
