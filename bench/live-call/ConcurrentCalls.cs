using System.Diagnostics;
using System.Runtime.InteropServices;
using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Bench.LiveCall;

/// <summary>
/// <see cref="Calls"/> copies of the spoken call at once through Conversation.Service and the real Transcription.Service,
/// each as the web app sends it: both channels' audio in 100 ms frames on the call's socket, paced at real time. Per
/// final on the socket: from the frame that carried the last audible sample of its speech to its arrival. A level is
/// sustained when every final arrived within <see cref="MaxFinalDelay"/>, the last utterance's final among them (a
/// call waits <see cref="LastFinalPatience"/> for it before it ends), and no frame went out more than
/// <see cref="MaxSendLag"/> behind its schedule (the service's back-pressure when it cannot keep up).
/// </summary>
public sealed record ConcurrentCalls(int Calls, TimeSpan SendLag, Latencies EndToFinal, int Finals, int LastFinalsMissing)
{
    /// <summary>How long after its last frame a call waits for the final of its last utterance; ending the call sooner would cut off finals still on their way.</summary>
    public static readonly TimeSpan LastFinalPatience = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxFinalDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxSendLag = TimeSpan.FromMilliseconds(500);

    private const int FrameSamples = SpokenAudio.SampleRate / 10;

    public double WorstMs => EndToFinal.Percentile(1);

    public bool Sustained => Finals > 0 && LastFinalsMissing == 0 && WorstMs <= MaxFinalDelay.TotalMilliseconds && SendLag <= MaxSendLag;

    public static async Task<ConcurrentCalls> RunAsync(ConversationUnderTest conversation, CallChannel[] channels, int calls, CancellationToken cancellationToken)
    {
        var endToFinal = new Latencies($"{calls} calls: end of speech -> final");
        var spoken = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => SpeakAsync(conversation, channels, endToFinal, cancellationToken)));
        return new ConcurrentCalls(calls, spoken.Max(s => s.MaxLag), endToFinal, endToFinal.Count, spoken.Count(s => !s.LastFinalCame));
    }

    /// <summary>
    /// One call spoken through its socket; adds its finals' delays and returns how far behind schedule its slowest frame
    /// went out, and whether the final of its last utterance came.
    /// </summary>
    private static async Task<(TimeSpan MaxLag, bool LastFinalCame)> SpeakAsync(ConversationUnderTest conversation, CallChannel[] channels, Latencies endToFinal, CancellationToken cancellationToken)
    {
        var (_, socket) = await conversation.OpenCallAsync(cancellationToken);
        await using (socket)
        {
            var sentAt = new List<long>();
            var maxLag = TimeSpan.Zero;
            var started = Stopwatch.GetTimestamp();
            var frames = (channels.Max(c => c.Samples.Length) + FrameSamples - 1) / FrameSamples;
            for (var i = 0; i < frames; i++)
            {
                var due = TimeSpan.FromMilliseconds(i * 100);
                if (due - Stopwatch.GetElapsedTime(started) is { TotalMilliseconds: > 1 } wait)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                foreach (var channel in channels.Where(c => i * FrameSamples < c.Samples.Length))
                {
                    var samples = channel.Samples.AsSpan(i * FrameSamples, Math.Min(FrameSamples, channel.Samples.Length - i * FrameSamples));
                    await socket.SendAudioAsync([(byte)channel.Channel, .. MemoryMarshal.AsBytes(samples)], cancellationToken);
                }

                sentAt.Add(Stopwatch.GetTimestamp());
                var lag = Stopwatch.GetElapsedTime(started) - due;
                maxLag = lag > maxLag ? lag : maxLag;
            }

            var (lastChannel, lastSeconds) = LastSpeech(channels);
            var pushed = new List<Pushed>();
            var lastFinalCame = true;
            try
            {
                await socket.NextAsync(
                    p =>
                    {
                        pushed.Add(p);
                        return p.Type == "final" && SpeakerChannel(p) == lastChannel && p.Message.GetProperty("segment").GetProperty("end").GetDouble() >= lastSeconds - 0.5;
                    },
                    LastFinalPatience, cancellationToken);
            }
            catch (TimeoutException)
            {
                lastFinalCame = false;
            }

            await socket.EndAsync(cancellationToken);
            pushed.AddRange(await socket.UntilAsync("ended", ConversationUnderTest.Patience, cancellationToken));
            foreach (var final in pushed.Where(p => p.Type == "final"))
            {
                var segment = final.Message.GetProperty("segment");
                var samples = channels.Single(c => c.Channel == SpeakerChannel(final)).Samples;
                var span = AudibleSpeech.Within(samples, TimeSpan.FromSeconds(segment.GetProperty("start").GetDouble()), TimeSpan.FromSeconds(segment.GetProperty("end").GetDouble()));
                if (span is (_, int last))
                {
                    lock (endToFinal)
                    {
                        endToFinal.Add(Stopwatch.GetElapsedTime(sentAt[last / FrameSamples], final.At).TotalMilliseconds);
                    }
                }
            }

            return (maxLag, lastFinalCame);
        }
    }

    private static ProtoChannel SpeakerChannel(Pushed segment) =>
        segment.Message.GetProperty("segment").GetProperty("speaker").GetString() == "agent" ? ProtoChannel.Agent : ProtoChannel.Client;

    /// <summary>Whose speech ends the call, and when (seconds from the start).</summary>
    private static (ProtoChannel Channel, double Seconds) LastSpeech(CallChannel[] channels) =>
        channels.Select(c => (c.Channel, Seconds: (AudibleSpeech.Within(c.Samples, TimeSpan.Zero, TimeSpan.FromSeconds(c.Samples.Length / (double)SpokenAudio.SampleRate))?.Last ?? 0) / (double)SpokenAudio.SampleRate))
            .MaxBy(c => c.Seconds);
}
