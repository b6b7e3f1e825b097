using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using static AgentCalls.Transcription.Tests.LiveStream;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>
/// The live stream is internal: only Conversation.Service's own token with the transcription.stream scope opens it, for
/// the agent its settings name; the agents' methods stay the agents'. No stream here gets as far as a decoder.
/// </summary>
public sealed class LiveStreamAuthorizationTests(TranscriptionServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamTranscription_AnAgentsOwnToken_IsPermissionDeniedAndMetersNothing()
    {
        var agent = await host.SignInAsync("Dina Direct", cancellationToken: Cancel);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => RunAsync(host, agent.Bearer, [For(agent, Settings([ProtoChannel.Agent])), .. Interleaved((ProtoChannel.Agent, SpokenAudio.Silence(1)))]));

        Assert.Equal(0, (await host.GetUsageAsync(agent, new GetUsageRequest())).JobCount);
    }

    [Theory]
    [InlineData(ServiceTokens.CalendarClientId, IdentityServerInstance.CalendarServiceSecret, "google.tokens")]
    [InlineData(ServiceTokens.ConversationClientId, IdentityServerInstance.ConversationServiceSecret, "")]
    public async Task StreamTranscription_AServiceTokenWithoutTheStreamScope_IsPermissionDenied(string clientId, string secret, string scope)
    {
        var agent = await host.SignInAsync("Sid Scopeless", cancellationToken: Cancel);
        var token = await ServiceTokens.BearerAsync(host.Issuer, clientId, secret, scope, Cancel);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => RunAsync(host, token, [For(agent, Settings([ProtoChannel.Agent]))]));

        Assert.Equal(0, (await host.GetUsageAsync(agent, new GetUsageRequest())).JobCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-agent")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task StreamTranscription_SettingsNamingNoAgent_IsInvalidArgumentOnAgentId(string agentId)
    {
        var settings = Settings([ProtoChannel.Agent]);
        settings.Settings.AgentId = agentId;
        var token = await ServiceTokens.ConversationServiceBearerAsync(host.Issuer, Cancel);

        Assert.Equal(["settings.agentId"], await RpcAssert.InvalidArgumentAsync(() => RunAsync(host, token, [settings])));
    }

    [Fact]
    public async Task GetUsage_ConversationsServiceToken_IsPermissionDenied()
    {
        var token = await ServiceTokens.ConversationServiceBearerAsync(host.Issuer, Cancel);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await host.Transcription.GetUsageAsync(new GetUsageRequest(), token, cancellationToken: Cancel));
    }
}
