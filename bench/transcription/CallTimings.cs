using System.Diagnostics;
using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Transcription;

/// <summary>
/// How long after speech a paced call's segments came: per utterance, from the chunk that carried the last audible
/// sample of its speech to its final, and from the chunk that carried its first audible sample to its first partial.
/// Where speech is comes from the audio itself (the first and last samples louder than a whisper inside the final's span).
/// </summary>
public static class CallTimings
{
    private const int Audible = 500;

    public static void Add(LiveCall call, Latencies endToFinal, Latencies startToPartial)
    {
        foreach (var final in call.Responses.Where(r => r.Response.Final is not null))
        {
            var segment = final.Response.Final;
            var samples = call.Channels.Single(c => c.Channel == segment.Channel).Samples;
            var from = (int)(segment.Start.ToTimeSpan().TotalSeconds * SpokenAudio.SampleRate);
            var to = Math.Min(samples.Length, (int)(segment.End.ToTimeSpan().TotalSeconds * SpokenAudio.SampleRate));
            var first = Array.FindIndex(samples, from, to - from, s => Math.Abs((int)s) > Audible);
            if (first < 0)
            {
                continue;
            }

            var last = Array.FindLastIndex(samples, to - 1, to - from, s => Math.Abs((int)s) > Audible);
            endToFinal.Add(Stopwatch.GetElapsedTime(call.SentAt[last / LiveCall.ChunkSamples], final.At).TotalMilliseconds);
            var partial = call.Responses.FirstOrDefault(r => r.Response.Partial?.UtteranceId == segment.UtteranceId);
            if (partial is not null)
            {
                startToPartial.Add(Stopwatch.GetElapsedTime(call.SentAt[first / LiveCall.ChunkSamples], partial.At).TotalMilliseconds);
            }
        }
    }
}
