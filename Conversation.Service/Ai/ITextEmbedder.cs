namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// Turns text into unit-length vectors, so a dot product is the cosine similarity. Queries and passages are
/// embedded differently (the model expects an instruction before a query), so they have their own methods.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model; vectors from different models never mix.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    float[][] EmbedQueries(IReadOnlyList<string> queries, CancellationToken cancellationToken = default);

    float[][] EmbedPassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default);
}
