using System.Diagnostics;
using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Transcription;

/// <summary>
/// How long after speech a paced call's segments came: per utterance, from the chunk that carried the last audible
/// sample of its speech to its final, and from the chunk that carried its first audible sample to its first partial.
/// </summary>
public static class CallTimings
{
    public static void Add(LiveCall call, Latencies endToFinal, Latencies startToPartial)
    {
        foreach (var final in call.Responses.Where(r => r.Response.Final is not null))
        {
            var segment = final.Response.Final;
            var samples = call.Channels.Single(c => c.Channel == segment.Channel).Samples;
            if (AudibleSpeech.Within(samples, segment.Start.ToTimeSpan(), segment.End.ToTimeSpan()) is not (int first, int last))
            {
                continue;
            }

            endToFinal.Add(Stopwatch.GetElapsedTime(call.SentAt[last / LiveCall.ChunkSamples], final.At).TotalMilliseconds);
            var partial = call.Responses.FirstOrDefault(r => r.Response.Partial?.UtteranceId == segment.UtteranceId);
            if (partial is not null)
            {
                startToPartial.Add(Stopwatch.GetElapsedTime(call.SentAt[first / LiveCall.ChunkSamples], partial.At).TotalMilliseconds);
            }
        }
    }
}
