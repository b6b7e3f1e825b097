using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Channel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Conversation.Tests;

/// <summary>Live calls: starting one, the WebSocket with audio and segments, reconnecting, ending and logging.</summary>
public sealed class CallsTests(ConversationServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartCall_AnotherAgentsClient_IsNotFound()
    {
        var owner = await host.SignInAsync("Owner Olive", cancellationToken: Cancel);
        var stranger = await host.SignInAsync("Stranger Stan", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(owner, "Private Pat");

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            host.Calls.StartCallAsync(new StartCallRequest { ClientId = client.ClientId }, stranger.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Live_AudioOnBothChannels_PushesPartialThenFinalWithSpeakersAndKeepsTheTranscript()
    {
        var agent = await host.SignInAsync("Live Lena", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent, "Chris Client");
        await using var socket = await host.ConnectAsync(agent, call.CallId);

        var state = await socket.ReceiveAsync("state");
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, "hello this is Lena"));
        var partial = await socket.ReceiveAsync("partial");
        var agentFinal = await socket.ReceiveAsync("final");
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "the price went up again"));
        var clientFinal = await socket.ReceiveAsync("final");

        Assert.Equal((1, "live"), (state.GetProperty("v").GetInt32(), state.GetProperty("call").GetProperty("state").GetString()));
        Assert.Equal(("agent", "hello"), (partial.GetProperty("segment").GetProperty("speaker").GetString(), partial.GetProperty("segment").GetProperty("text").GetString()));
        Assert.Equal("hello this is Lena", agentFinal.GetProperty("segment").GetProperty("text").GetString());
        Assert.Equal(("client", "the price went up again"), (clientFinal.GetProperty("segment").GetProperty("speaker").GetString(), clientFinal.GetProperty("segment").GetProperty("text").GetString()));
        var held = await host.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);
        Assert.Equal(["agent: hello this is Lena", "client: the price went up again"], held.Transcript.Select(l => $"{l.Speaker}: {l.Text}"));
        // Transcription admits only Conversation's own token for the stream, which names the call's agent in its settings.
        var stream = host.Transcription.Streams[call.CallId];
        var token = new JsonWebToken(stream.Authorization["Bearer ".Length..]);
        Assert.Equal(("agentcalls-conversation", "transcription.stream"), (token.Subject, token.GetClaim("scope").Value));
        Assert.Equal(agent.AgentId.ToString(), stream.Settings.AgentId);
        Assert.Contains("Chris Client", stream.Settings.Vocabulary);
    }

    [Fact]
    public async Task Live_SilenceLongerThanAnHttpAttemptTimeout_KeepsTheTranscriptionStream()
    {
        var agent = await host.SignInAsync("Quiet Quinn", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent, "Sam Silent");
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        // The stream opens on the first audio; the engine answers nothing (no response headers) while nobody speaks.
        // The standard resilience handler's 10 s attempt timeout, counted until those headers, used to end it here.
        await socket.SendAudioAsync([(byte)Channel.Agent, 0, 0]);
        await Task.Delay(TimeSpan.FromSeconds(12), Cancel);
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, "still there"));
        // A broken stream answers nothing at all: fail within seconds rather than at the module's timeout.
        var final = await socket.ReceiveAsync("final").WaitAsync(TimeSpan.FromSeconds(20), Cancel);

        Assert.Equal("still there", final.GetProperty("segment").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Live_Reconnect_GetsTheWholeTranscriptInItsState()
    {
        var agent = await host.SignInAsync("Reconnect Rita", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        await using (var first = await host.ConnectAsync(agent, call.CallId))
        {
            await first.ReceiveAsync("state");
            await first.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "my renewal is next month"));
            await first.ReceiveAsync("final");
            await first.CloseAsync();
        }

        await using var second = await host.ConnectAsync(agent, call.CallId);
        var state = await second.ReceiveAsync("state");

        var transcript = state.GetProperty("call").GetProperty("transcript").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal(["my renewal is next month"], transcript);
    }

    [Fact]
    public async Task Live_AnotherAgentsCall_IsRefusedBeforeTheUpgrade()
    {
        var owner = await host.SignInAsync("Call Owner", cancellationToken: Cancel);
        var stranger = await host.SignInAsync("Call Stranger", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(owner);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync(stranger, call.CallId));
        var getRefused = await Assert.ThrowsAsync<RpcException>(() => host.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, stranger.Bearer, cancellationToken: Cancel).ResponseAsync);

        Assert.Contains("404", refused.Message);
        Assert.Equal(StatusCode.NotFound, getRefused.StatusCode);
    }

    [Fact]
    public async Task Live_BadFramesAndMessages_AreAnsweredWithErrorsAndTheCallGoesOn()
    {
        var agent = await host.SignInAsync("Garbage Gus", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAudioAsync([9, 0, 0]);
        var badAudio = await socket.ReceiveAsync("error");
        await socket.SendAsync(new { v = 2, type = "note", text = "from the future" });
        var badVersion = await socket.ReceiveAsync("error");
        await socket.SendAsync(new { v = 1, type = "note", text = "asked about flood cover" });
        var note = await socket.ReceiveAsync("note");

        Assert.Equal("bad_audio", badAudio.GetProperty("code").GetString());
        Assert.Equal("bad_message", badVersion.GetProperty("code").GetString());
        Assert.Equal("asked about flood cover", note.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Live_WithoutItsServiceClientSecret_TellsTheBrowserTranscriptionFailedAndOpensNoStream()
    {
        var agent = await host.SignInAsync("Nora Nosecret", cancellationToken: Cancel);
        var client = await host.ClientsServer.CreateAsync(agent, "Sam Secretless");
        var start = await host.OnNewDatabaseAsync();
        await using var process = start(h => h.UseSetting("Calls:ServiceClientSecret", ""));
        var call = await process.Calls.StartCallAsync(new StartCallRequest { ClientId = client.ClientId }, agent.Bearer, cancellationToken: Cancel);
        await using var socket = await process.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        // The agent's own token would not open the stream (Transcription admits Conversation's alone), so none is tried.
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, "hello is anyone there"));
        var error = await socket.ReceiveAsync("error");

        Assert.Equal("transcription_failed", error.GetProperty("code").GetString());
        Assert.False(host.Transcription.Streams.ContainsKey(call.CallId));
    }

    [Fact]
    public async Task Live_MutedChannel_SendsNothingToTranscription()
    {
        var agent = await host.SignInAsync("Muted Mo", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        await using var socket = await host.ConnectAsync(agent, call.CallId);
        await socket.ReceiveAsync("state");

        await socket.SendAsync(new { v = 1, type = "mute", channel = "agent", muted = true });
        await socket.ReceiveAsync("muted");
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Agent, "private aside"));
        await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "are you there"));
        var final = await socket.ReceiveAsync("final");

        Assert.Equal("are you there", final.GetProperty("segment").GetProperty("text").GetString());
    }

    [Fact]
    public async Task EndAndSave_WritesTheLogWithTranscriptAndQueuesCallLogged()
    {
        var agent = await host.SignInAsync("Saver Sam", cancellationToken: Cancel);
        var (client, call) = await host.StartCallAsync(agent, "Dana Done");
        await using (var socket = await host.ConnectAsync(agent, call.CallId))
        {
            await socket.ReceiveAsync("state");
            await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "please call me back next week about the renewal"));
            await socket.ReceiveAsync("final");
            await socket.SendAsync(new { v = 1, type = "end" });
            var ended = await socket.ReceiveAsync("ended");
            Assert.Equal("callback requested", ended.GetProperty("draft").GetProperty("outcome").GetString());
        }

        var draft = await host.Calls.EndCallAsync(new EndCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel);
        var saved = await host.Calls.SaveCallAsync(
            new SaveCallRequest { CallId = call.CallId, Summary = draft.Summary + " Edited.", Outcome = CallOutcome.CallbackRequested, FollowUps = { "Call Dana next week" } },
            agent.Bearer, cancellationToken: Cancel);
        var again = await Assert.ThrowsAsync<RpcException>(() => host.Calls.GetCallAsync(new GetCallRequest { CallId = call.CallId }, agent.Bearer, cancellationToken: Cancel).ResponseAsync);

        var log = await host.QueryAsync(db => db.Set<CallLog>().AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(saved.CallLogId), Cancel));
        var logged = await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventType == CallLogged.Descriptor.FullName).ToListAsync(Cancel));
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        Assert.Equal((agent.AgentId, Guid.Parse(client.ClientId), "callback requested"), (log.AgentId, log.ClientId, log.Outcome));
        Assert.EndsWith(" Edited.", log.Summary);
        Assert.Equal("Client: please call me back next week about the renewal", log.Transcript);
        Assert.Equal(["Call Dana next week"], log.FollowUps);
        Assert.Single(logged.Select(m => CallLogged.Parser.ParseFrom(m.Payload)), e => e.CallLogId == saved.CallLogId && e.Outcome == CallOutcome.CallbackRequested);
    }

    [Fact]
    public async Task Live_LeftWithoutAConnection_EndsItselfAndIsLogged()
    {
        var agent = await host.SignInAsync("Gone Gwen", cancellationToken: Cancel);
        var (_, call) = await host.StartCallAsync(agent);
        await using (var socket = await host.ConnectAsync(agent, call.CallId))
        {
            await socket.ReceiveAsync("state");
            await socket.SendAudioAsync(FakeTranscription.Frame(Channel.Client, "sorry I have to run"));
            await socket.ReceiveAsync("final");
            await socket.CloseAsync();
        }

        var log = await Eventually.ReturnsAsync(() =>
            host.QueryAsync<CallLog?>(db => db.Set<CallLog>().AsNoTracking().SingleOrDefaultAsync(l => l.AgentId == agent.AgentId, Cancel)));

        Assert.Equal("Client: sorry I have to run", log.Transcript);
        Assert.Equal("reached", log.Outcome);
    }
}
