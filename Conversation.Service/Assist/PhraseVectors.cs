using System.Collections.Concurrent;
using AgentCalls.Conversation.Service.Ai;

namespace AgentCalls.Conversation.Service.Assist;

/// <summary>
/// Embeddings of the phrases utterances are compared with (cards' examples, actions' examples, small talk), made once
/// and kept: a playbook changes rarely and is read on every utterance. Everything is embedded as a query (with the
/// model's instruction), the mode the thresholds were calibrated in.
/// </summary>
public sealed class PhraseVectors(ITextEmbedder embedder)
{
    // Edited playbooks leave old phrases behind; past this many the cache starts again rather than growing without end.
    private const int MaxPhrases = 20_000;

    private readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    public float[] Utterance(string text, CancellationToken cancellationToken) => embedder.EmbedQueries([text], cancellationToken)[0];

    public IReadOnlyList<float[]> Of(IReadOnlyList<string> phrases, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var phrase in phrases.Distinct())
        {
            if (vectors.TryGetValue(phrase, out var vector))
            {
                known[phrase] = vector;
            }
            else
            {
                missing.Add(phrase);
            }
        }

        if (missing.Count > 0)
        {
            if (vectors.Count + missing.Count > MaxPhrases)
            {
                vectors.Clear();
            }

            var embedded = embedder.EmbedQueries(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                known[missing[i]] = vectors[missing[i]] = embedded[i];
            }
        }

        return [.. phrases.Select(p => known[p])];
    }
}
