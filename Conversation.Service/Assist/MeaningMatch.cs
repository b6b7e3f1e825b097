using System.Numerics.Tensors;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>The phrase an utterance means most nearly, among labelled phrases and the small-talk anchors.</summary>
public sealed class MeaningMatch(PhraseVectors vectors)
{
    /// <summary>
    /// The label whose phrase is nearest to <paramref name="utterance"/>, with that phrase and the cosine similarity;
    /// null when small talk is nearer or nothing reaches <paramref name="threshold"/>.
    /// </summary>
    public Match<T>? Best<T>(float[] utterance, IReadOnlyList<(T Label, string Phrase)> phrases, double threshold, CancellationToken cancellationToken)
        where T : class
    {
        var all = phrases.Select(p => p.Phrase).Concat(SmallTalk.Phrases).ToList();
        var embedded = vectors.Of(all, cancellationToken);
        var best = -1;
        var bestScore = double.MinValue;
        for (var i = 0; i < embedded.Count; i++)
        {
            // Unit vectors: the dot product is the cosine similarity.
            var score = TensorPrimitives.Dot(utterance, embedded[i]);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best < 0 || best >= phrases.Count || bestScore < threshold ? null : new Match<T>(phrases[best].Label, phrases[best].Phrase, bestScore);
    }

    public sealed record Match<T>(T Label, string Phrase, double Score);
}
