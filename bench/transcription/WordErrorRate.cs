namespace AgentCalls.Bench.Transcription;

/// <summary>
/// Word error rate: the substitutions, deletions and insertions of a word-level Levenshtein alignment of the hypothesis
/// against the reference, over the reference's word count. Summed over a set (errors over all reference words).
/// </summary>
public sealed class WordErrorRate
{
    public int Errors { get; private set; }

    public int ReferenceWords { get; private set; }

    public double Rate => ReferenceWords == 0 ? 0 : Errors / (double)ReferenceWords;

    public void Add(string reference, string hypothesis)
    {
        var expected = Words(reference);
        Errors += Distance(expected, Words(hypothesis));
        ReferenceWords += expected.Length;
    }

    /// <summary>Lower case, letters, digits and apostrophes only: transcripts are compared as words, not as punctuation.</summary>
    public static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fewest substitutions, deletions and insertions that turn <paramref name="reference"/> into <paramref name="hypothesis"/>.</summary>
    public static int Distance(string[] reference, string[] hypothesis)
    {
        var previous = Enumerable.Range(0, hypothesis.Length + 1).ToArray();
        var current = new int[hypothesis.Length + 1];
        for (var i = 1; i <= reference.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= hypothesis.Length; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Length];
    }
}
