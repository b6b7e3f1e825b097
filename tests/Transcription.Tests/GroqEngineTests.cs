using System.Buffers.Binary;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using static AgentCalls.Transcription.Tests.LiveStream;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>
/// The Groq engine through the live stream, against the fake OpenAI-compatible transcription API (the production
/// client, only the base URL differs). Each test's vocabulary carries a marker, so the fake's replies and requests
/// are the test's own.
/// </summary>
public sealed class GroqEngineTests(TranscriptionServiceHost host)
{
    /// <summary>Under two seconds: one file, unsplit.</summary>
    private const string ShortLine = "thank you for calling";
    private const string LongLine = "your umbrella policy with progressive renews next month and the premium goes up by about forty dollars a year";

    [Fact]
    public async Task StreamTranscription_GroqEngine_FinalsOnlyWithTheVocabularySentAsThePrompt()
    {
        var (agent, marker) = await SignInAsync("Gina Groq");
        host.Groq.Reply(marker, FakeTranscriptionReply.Text(" Thank you for calling, Xiomara. "));
        var audio = Padded(await SpokenAudio.SayAsync(ShortLine));

        var responses = await RunAsync(host, agent, [GroqSettings(marker, "Xiomara Okafor", "Progressive"), .. Interleaved((ProtoChannel.Agent, audio))]);

        Assert.All(responses, r => Assert.Equal(StreamTranscriptionResponse.SegmentOneofCase.Final, r.SegmentCase));
        var final = Assert.Single(responses).Final;
        Assert.Equal((ProtoChannel.Agent, "Thank you for calling, Xiomara."), (final.Channel, final.Text));
        Assert.InRange(final.Confidence, 0.8f, 1f);
        var sent = Assert.Single(host.Groq.RequestsWithPrompt(marker));
        Assert.Equal($"{marker}, Xiomara Okafor, Progressive", sent.Prompt);
        Assert.Equal(("whisper-large-v3-turbo", "en", "verbose_json", $"Bearer {TranscriptionServiceHost.GroqApiKey}"), (sent.Model, sent.Language, sent.ResponseFormat, sent.Authorization));
        Assert.EndsWith(".wav", sent.FileName);
        Assert.Equal((16_000, (short)1, (short)16), WavFormat(sent.File));
    }

    [Fact]
    public async Task StreamTranscription_ProviderAnswers429WithRetryAfter_RetriesAndTheFinalArrives()
    {
        var (agent, marker) = await SignInAsync("Rory Ratelimit");
        host.Groq.Reply(marker, FakeTranscriptionReply.Error(429, TimeSpan.FromSeconds(1)), FakeTranscriptionReply.Text("after the wait"));
        var audio = Padded(await SpokenAudio.SayAsync(ShortLine));

        var responses = await RunAsync(host, agent, [GroqSettings(marker), .. Interleaved((ProtoChannel.Agent, audio))]);

        Assert.Equal("after the wait", FinalText(responses, ProtoChannel.Agent));
        var attempts = host.Groq.RequestsWithPrompt(marker);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].File, attempts[1].File);
    }

    [Fact]
    public async Task StreamTranscription_UtteranceLargerThanTheProviderTakes_IsSentInPiecesSplitOnSilence()
    {
        var (agent, marker) = await SignInAsync("Lena Longwind");
        string[] pieces = ["one", "two", "three", "four", "five", "six", "seven", "eight"];
        host.Groq.Reply(marker, [.. pieces.Select(FakeTranscriptionReply.Text)]);
        var speech = await SpokenAudio.SayAsync(LongLine);
        Assert.True(speech.Length * sizeof(short) > TranscriptionServiceHost.GroqMaxUploadBytes, "The line must be longer than the provider takes in one file.");

        var responses = await RunAsync(host, agent, [GroqSettings(marker), .. Interleaved((ProtoChannel.Agent, Padded(speech)))]);

        var sent = host.Groq.RequestsWithPrompt(marker);
        var finals = responses.Count(r => r.Final is not null);
        Assert.True(sent.Count > finals, $"{sent.Count} files for {finals} utterances: none was split.");
        Assert.All(sent, r => Assert.InRange(r.File.Length, 1, TranscriptionServiceHost.GroqMaxUploadBytes));
        Assert.Equal(string.Join(' ', pieces.Take(sent.Count)), FinalText(responses, ProtoChannel.Agent));
    }

    [Fact]
    public async Task StreamTranscription_ProviderRefusesTheMedia_IsInvalidArgumentOnAudioInTheProvidersWords()
    {
        var (agent, marker) = await SignInAsync("Mona Media");
        host.Groq.Reply(marker, FakeTranscriptionReply.UnsupportedMedia());
        var audio = Padded(await SpokenAudio.SayAsync(ShortLine));

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RunAsync(host, agent, [GroqSettings(marker), .. Interleaved((ProtoChannel.Agent, audio))]));

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("audio", violation.Field);
        Assert.Contains("unsupported media", violation.Description);
        Assert.Contains(FakeTranscriptionApi.SupportedTypes, violation.Description);
    }

    [Fact]
    public async Task StreamTranscription_GroqStream_IsMeteredOnTheGroqEngine()
    {
        var (agent, marker) = await SignInAsync("Mel Metered");
        host.Groq.Reply(marker, FakeTranscriptionReply.Text("metered"));
        var audio = Padded(await SpokenAudio.SayAsync(ShortLine));

        await RunAsync(host, agent, [GroqSettings(marker), .. Interleaved((ProtoChannel.Agent, audio))]);

        var usage = await host.GetUsageAsync(agent, new GetUsageRequest());
        var groq = Assert.Single(usage.Providers);
        Assert.Equal(("groq", 1), (groq.Provider, groq.JobCount));
        Assert.Equal(audio.Length / (double)SpokenAudio.SampleRate, groq.AudioSeconds, 3);
    }

    private async Task<(SignedInAgent Agent, string Marker)> SignInAsync(string name) =>
        (await host.SignInAsync(name, cancellationToken: TestContext.Current.CancellationToken), $"marker-{Guid.NewGuid():N}");

    private static StreamTranscriptionRequest GroqSettings(string marker, params string[] vocabulary)
    {
        var settings = Settings([ProtoChannel.Agent], [marker, .. vocabulary]);
        settings.Settings.Engine = "groq";
        return settings;
    }

    private static short[] Padded(short[] speech) => [.. SpokenAudio.Silence(0.5), .. speech, .. SpokenAudio.Silence(1)];

    private static (int SampleRate, short Channels, short Bits) WavFormat(byte[] wav) =>
        (BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)), BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22)), BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)));
}
