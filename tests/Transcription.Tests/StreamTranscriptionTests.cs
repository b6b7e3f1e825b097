using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Streaming;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentCalls.Transcription.Tests.LiveStream;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>
/// The live stream end to end with the real engines (Silero VAD, PocketSphinx) on speech made with espeak-ng.
/// One class, so its streams run one after another and the count of live decoders is this class's own.
/// </summary>
public sealed class StreamTranscriptionTests(TranscriptionServiceHost host)
{
    private const string AgentLine = "hi xiomara okafor i am calling about your umbrella policy with progressive";
    private const string ClientLine = "my deductible went up and i need to file a claim with nationwide";
    private static readonly string[] Vocabulary = ["Xiomara Okafor", "Progressive", "Nationwide", "umbrella policy"];

    [Fact]
    public async Task StreamTranscription_SpeechOnTheAgentChannel_PartialsComeBeforeAFinalWithTheVocabularyWords()
    {
        var agent = await host.SignInAsync("Stella Stream", cancellationToken: TestContext.Current.CancellationToken);
        var audio = Padded(await SpokenAudio.SayAsync(AgentLine));

        var responses = await RunAsync(host, agent, [Settings([ProtoChannel.Agent], Vocabulary), .. Interleaved((ProtoChannel.Agent, audio))]);

        Assert.All(responses, r => Assert.Equal(ProtoChannel.Agent, (r.Partial ?? r.Final).Channel));
        var firstFinal = responses.FindIndex(r => r.Final is not null);
        Assert.InRange(responses.FindIndex(r => r.Partial is not null), 0, firstFinal - 1);
        var final = responses[firstFinal].Final;
        Assert.Equal(final.UtteranceId, responses.First(r => r.Partial is not null).Partial.UtteranceId);
        var text = FinalText(responses, ProtoChannel.Agent);
        Heard(text, "umbrella", "policy");
    }

    [Fact]
    public async Task StreamTranscription_TwoChannelsAtOnce_EachFinalCarriesItsOwnSpeakersWords()
    {
        var agent = await host.SignInAsync("Tina Twochannel", cancellationToken: TestContext.Current.CancellationToken);
        var agentAudio = Padded(await SpokenAudio.SayAsync(AgentLine));
        var clientAudio = Padded(await SpokenAudio.SayAsync(ClientLine, "en-us+f3"));

        var responses = await RunAsync(host, agent,
            [Settings([ProtoChannel.Agent, ProtoChannel.Client], Vocabulary), .. Interleaved((ProtoChannel.Agent, agentAudio), (ProtoChannel.Client, clientAudio))]);

        var agentWords = FinalText(responses, ProtoChannel.Agent);
        var clientWords = FinalText(responses, ProtoChannel.Client);
        Heard(agentWords, "umbrella", "policy");
        Heard(clientWords, "deductible", "claim", "nationwide");
        Assert.DoesNotContain("deductible", Words(agentWords));
        Assert.DoesNotContain("umbrella", Words(clientWords));
    }

    [Fact]
    public async Task StreamTranscription_CallCancelledMidSpeech_FreesItsDecoders()
    {
        var agent = await host.SignInAsync("Cole Cancel", cancellationToken: TestContext.Current.CancellationToken);
        var active = host.Services.GetRequiredService<ActiveRecognizers>();
        var audio = Padded(await SpokenAudio.SayAsync(AgentLine));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var call = await StartAsync(host, cancel.Token);

        await call.RequestStream.WriteAsync(For(agent, Settings([ProtoChannel.Agent, ProtoChannel.Client], Vocabulary)), cancel.Token);
        foreach (var chunk in Interleaved((ProtoChannel.Agent, audio)))
        {
            await call.RequestStream.WriteAsync(chunk, cancel.Token);
        }

        Assert.True(await call.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(2, active.Count);
        await cancel.CancelAsync();

        await Eventually.IsTrueAsync(() => Task.FromResult(active.Count == 0));
    }

    [Fact]
    public async Task StreamTranscription_AfterAStream_GetUsageMetersItsAudioOnTheLocalEngine()
    {
        var agent = await host.SignInAsync("Mia Metered", cancellationToken: TestContext.Current.CancellationToken);
        var audio = Padded(await SpokenAudio.SayAsync("thank you for your time"));

        await RunAsync(host, agent, [Settings([ProtoChannel.Agent]), .. Interleaved((ProtoChannel.Agent, audio))]);

        var usage = await host.GetUsageAsync(agent, new GetUsageRequest());
        var local = Assert.Single(usage.Providers);
        Assert.Equal(("pocketsphinx", 1), (local.Provider, local.JobCount));
        Assert.Equal(audio.Length / (double)SpokenAudio.SampleRate, local.AudioSeconds, 3);
        Assert.Equal((36_000d, "pocketsphinx"), (usage.MonthlyLimitSeconds, usage.Engine));
        Assert.Equal(local.AudioSeconds, usage.MonthAudioSeconds, 3);
    }

    [Fact]
    public async Task StreamTranscription_OpenedByConversationForAnAgent_IsMeteredAgainstThatAgent()
    {
        var agent = await host.SignInAsync("Nina Named", cancellationToken: TestContext.Current.CancellationToken);

        // Conversation's own token carries no agent: the settings name the one the call is for.
        await RunAsync(host, agent, [Settings([ProtoChannel.Agent]), .. Interleaved((ProtoChannel.Agent, SpokenAudio.Silence(2)))]);

        var usage = await host.GetUsageAsync(agent, new GetUsageRequest());
        Assert.Equal(1, usage.JobCount);
        Assert.Equal(2, usage.MonthAudioSeconds, 3);
    }

    [Fact]
    public async Task StreamTranscription_MonthlyLimitUsedUp_IsResourceExhaustedWithAMessage()
    {
        var agent = await host.SignInAsync("Lou Limit", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "pocketsphinx", (36_000, DateTimeOffset.UtcNow));

        var error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => RunAsync(host, agent, [Settings([ProtoChannel.Agent])]));

        Assert.Contains("allowance", error.Status.Detail);
    }

    [Fact]
    public async Task StreamTranscription_StillOpen_GetUsageAlreadyShowsItsSeconds()
    {
        var agent = await host.SignInAsync("Opal Open", cancellationToken: TestContext.Current.CancellationToken);
        using var call = await OpenAsync(host, agent, SpokenAudio.Silence(3));

        // The test host meters every second of audio: most of the 3 s show while the stream is open.
        var open = await Eventually.ReturnsAsync(async () =>
        {
            var usage = await host.GetUsageAsync(agent, new GetUsageRequest());
            return usage.MonthAudioSeconds >= 2 ? usage : null;
        });
        Assert.Equal(1, open.JobCount);
        await EndAsync(call);

        var closed = await host.GetUsageAsync(agent, new GetUsageRequest());
        Assert.Equal(1, closed.JobCount);
        Assert.Equal(3, closed.AudioSeconds, 3);
    }

    [Fact]
    public async Task StreamTranscription_OpenWithNoAudioComing_KeepsRenewingItsJobsLeaseUntilItEnds()
    {
        var agent = await host.SignInAsync("Mo Muted", cancellationToken: TestContext.Current.CancellationToken);
        using var call = await OpenAsync(host, agent, SpokenAudio.Silence(0.5));

        // Then nothing, as from a muted call: the heartbeat (every second here) must push the lease on anyway.
        var first = await Eventually.ReturnsAsync(() => StreamJobAsync(agent.AgentId));
        var renewed = await Eventually.ReturnsAsync(async () =>
            await StreamJobAsync(agent.AgentId) is { LeaseExpiresAt: var lease } job && lease > first.LeaseExpiresAt ? job : null);
        Assert.Equal(TranscriptionJobStatus.Running, renewed.Status);
        // Past the lease it started with, and a sweep (every second here) later, the muted stream is still running.
        var pastFirstLease = first.LeaseExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5);
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, pastFirstLease.Ticks)), TestContext.Current.CancellationToken);
        Assert.Equal(TranscriptionJobStatus.Running, (await StreamJobAsync(agent.AgentId))!.Status);
        await EndAsync(call);

        var ended = await StreamJobAsync(agent.AgentId);
        Assert.Equal((TranscriptionJobStatus.Completed, null, null), (ended!.Status, ended.LeaseExpiresAt, ended.Error));
        Assert.Equal(0.5, ended.AudioSeconds, 3);
    }

    [Fact]
    public async Task StreamTranscription_AllowanceRunsOutMidStream_EndsResourceExhaustedWithTheAudioUpToItMetered()
    {
        var agent = await host.SignInAsync("Pia Pastlimit", cancellationToken: TestContext.Current.CancellationToken);
        await host.AddJobAsync(agent.AgentId, "pocketsphinx", (36_000 - 2, DateTimeOffset.UtcNow));
        var audio = Padded(await SpokenAudio.SayAsync(AgentLine));

        var error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted,
            () => RunAsync(host, agent, [Settings([ProtoChannel.Agent], Vocabulary), .. Interleaved((ProtoChannel.Agent, audio))]));

        Assert.Contains("allowance of 600 minutes is used up", error.Status.Detail);
        var usage = await host.GetUsageAsync(agent, new GetUsageRequest());
        Assert.Equal(36_000, usage.MonthAudioSeconds, 3);
        Assert.Equal(2, usage.JobCount);
    }

    private Task<TranscriptionJob?> StreamJobAsync(Guid agentId) =>
        host.Services.QueryAsync<TranscriptionDbContext, TranscriptionJob?>(db => db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.AgentId == agentId, TestContext.Current.CancellationToken));

    [Fact]
    public async Task StreamTranscription_AudioBeforeSettings_IsInvalidArgumentOnSettings() =>
        Assert.Equal(["settings"], await InvalidAsync([Audio(ProtoChannel.Agent, new byte[320])]));

    [Fact]
    public async Task StreamTranscription_OddNumberOfBytes_IsInvalidArgumentOnPcm16() =>
        Assert.Equal(["audio.pcm16"], await InvalidAsync([Settings([ProtoChannel.Agent]), Audio(ProtoChannel.Agent, new byte[321])]));

    [Fact]
    public async Task StreamTranscription_AudioOnAChannelNotInTheSettings_IsInvalidArgumentOnChannel() =>
        Assert.Equal(["audio.channel"], await InvalidAsync([Settings([ProtoChannel.Agent]), Audio(ProtoChannel.Client, new byte[320])]));

    [Fact]
    public async Task StreamTranscription_BadSettings_IsInvalidArgumentOnEachField()
    {
        var settings = new StreamTranscriptionRequest { Settings = new StreamSettings { Language = "de-DE", Engine = "nonesuch", Channels = { ProtoChannel.Unspecified } } };

        Assert.Equal(["settings.language", "settings.channels", "settings.engine"], await InvalidAsync([settings]));
    }

    private async Task<string[]> InvalidAsync(StreamTranscriptionRequest[] requests)
    {
        var agent = await host.SignInAsync("Ina Invalid", cancellationToken: TestContext.Current.CancellationToken);
        return await RpcAssert.InvalidArgumentAsync(() => RunAsync(host, agent, requests));
    }

    private static short[] Padded(short[] speech) => [.. SpokenAudio.Silence(0.5), .. speech, .. SpokenAudio.Silence(1)];

    private static void Heard(string text, params string[] words)
    {
        foreach (var word in words)
        {
            Assert.True(Words(text).Contains(word), $"'{word}' not in the finals: \"{text}\"");
        }
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
