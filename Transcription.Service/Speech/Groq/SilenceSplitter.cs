namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>
/// Splits audio longer than a provider takes into pieces that end at their quietest 20 ms, so a word is not cut in
/// half. Each piece but the last is between half and all of the allowed length, so the pieces are few.
/// </summary>
public static class SilenceSplitter
{
    private const int Window = 320;

    public static IReadOnlyList<ReadOnlyMemory<short>> Split(ReadOnlyMemory<short> samples, int maxSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 2 * Window);
        var pieces = new List<ReadOnlyMemory<short>>();
        var rest = samples;
        while (rest.Length > maxSamples)
        {
            var cut = QuietestPoint(rest.Span, maxSamples / 2, maxSamples);
            pieces.Add(rest[..cut]);
            rest = rest[cut..];
        }

        pieces.Add(rest);
        return pieces;
    }

    /// <summary>The middle of the quietest window that ends within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static int QuietestPoint(ReadOnlySpan<short> samples, int from, int to)
    {
        var best = to;
        var bestEnergy = long.MaxValue;
        for (var end = Math.Max(from, Window); end <= to; end += Window / 2)
        {
            long energy = 0;
            foreach (var sample in samples[(end - Window)..end])
            {
                energy += sample * sample;
            }

            if (energy < bestEnergy)
            {
                (best, bestEnergy) = (end - Window / 2, energy);
            }
        }

        return best;
    }
}
