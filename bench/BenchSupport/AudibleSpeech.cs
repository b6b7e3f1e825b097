using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Support;

/// <summary>Where speech is in a channel's audio: the first and last samples louder than a whisper inside a segment's span.</summary>
public static class AudibleSpeech
{
    private const int Audible = 500;

    /// <summary>The first and last audible sample between <paramref name="start"/> and <paramref name="end"/>; null when all of it is quiet.</summary>
    public static (int First, int Last)? Within(short[] samples, TimeSpan start, TimeSpan end)
    {
        var from = Math.Min(samples.Length, (int)(start.TotalSeconds * SpokenAudio.SampleRate));
        var to = Math.Min(samples.Length, (int)(end.TotalSeconds * SpokenAudio.SampleRate));
        var first = Array.FindIndex(samples, from, to - from, s => Math.Abs((int)s) > Audible);
        return first < 0 ? null : (first, Array.FindLastIndex(samples, to - 1, to - from, s => Math.Abs((int)s) > Audible));
    }
}
