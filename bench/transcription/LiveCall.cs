using System.Diagnostics;
using AgentCalls.Bench.Support;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;
using TranscriptionClient = AgentCalls.Contracts.Transcription.V1.Transcription.TranscriptionClient;

namespace AgentCalls.Bench.Transcription;

/// <summary>A response and when it arrived (Stopwatch ticks).</summary>
public sealed record Received(long At, StreamTranscriptionResponse Response);

/// <summary>
/// Drives one StreamTranscription call as Conversation.Service does: settings, then each channel's 100 ms chunks
/// interleaved, either paced at real time (as a live call's microphones deliver them) or as fast as the service takes
/// them (its back-pressure sets the pace). Records when each chunk went out and when each response came back.
/// </summary>
public sealed class LiveCall
{
    public const int ChunkSamples = SpokenAudio.SampleRate / 10;

    private LiveCall(IReadOnlyList<CallChannel> channels) => Channels = channels;

    public IReadOnlyList<CallChannel> Channels { get; }

    /// <summary>When chunk <c>i</c> of every channel had been written (Stopwatch ticks).</summary>
    public List<long> SentAt { get; } = [];

    public List<Received> Responses { get; } = [];

    /// <summary>From the first chunk written to the end of the response stream.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>How far behind its real-time schedule the slowest chunk went out (paced calls).</summary>
    public TimeSpan MaxSendLag { get; private set; }

    public double AudioSeconds => Channels.Max(c => c.Samples.Length) / (double)SpokenAudio.SampleRate;

    public static async Task<LiveCall> RunAsync(
        TranscriptionClient client, StreamCaller caller, IReadOnlyList<string> vocabulary, IReadOnlyList<CallChannel> channels, bool paced, CancellationToken cancellationToken)
    {
        var call = new LiveCall(channels);
        await call.StreamAsync(client, caller, vocabulary, paced, cancellationToken);
        return call;
    }

    /// <summary>The final segments' text on one channel, in order.</summary>
    public string FinalText(ProtoChannel channel) =>
        string.Join(' ', Responses.Where(r => r.Response.Final?.Channel == channel).Select(r => r.Response.Final.Text));

    private async Task StreamAsync(TranscriptionClient client, StreamCaller caller, IReadOnlyList<string> vocabulary, bool paced, CancellationToken cancellationToken)
    {
        using var call = client.StreamTranscription(caller.Bearer, cancellationToken: cancellationToken);
        var reading = ReadAsync(call.ResponseStream, cancellationToken);
        await call.RequestStream.WriteAsync(
            new StreamTranscriptionRequest { Settings = new StreamSettings { Language = "en-US", AgentId = caller.AgentId.ToString(), Channels = { Channels.Select(c => c.Channel) }, Vocabulary = { vocabulary } } },
            cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var chunks = (Channels.Max(c => c.Samples.Length) + ChunkSamples - 1) / ChunkSamples;
        for (var i = 0; i < chunks; i++)
        {
            var due = TimeSpan.FromMilliseconds(i * 100);
            if (paced && due - Stopwatch.GetElapsedTime(started) is { TotalMilliseconds: > 1 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            foreach (var channel in Channels.Where(c => i * ChunkSamples < c.Samples.Length))
            {
                var samples = channel.Samples.AsSpan(i * ChunkSamples, Math.Min(ChunkSamples, channel.Samples.Length - i * ChunkSamples));
                var pcm = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples));
                await call.RequestStream.WriteAsync(new StreamTranscriptionRequest { Audio = new AudioChunk { Channel = channel.Channel, Pcm16 = pcm } }, cancellationToken);
            }

            SentAt.Add(Stopwatch.GetTimestamp());
            var lag = Stopwatch.GetElapsedTime(started) - due;
            MaxSendLag = lag > MaxSendLag ? lag : MaxSendLag;
        }

        await call.RequestStream.CompleteAsync();
        await reading;
        Elapsed = Stopwatch.GetElapsedTime(started);
    }

    private async Task ReadAsync(IAsyncStreamReader<StreamTranscriptionResponse> responses, CancellationToken cancellationToken)
    {
        await foreach (var response in responses.ReadAllAsync(cancellationToken))
        {
            Responses.Add(new Received(Stopwatch.GetTimestamp(), response));
        }
    }
}
