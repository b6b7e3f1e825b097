using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// The model documents' passages and the questions asked of them are embedded with: the endpoint under
/// <c>Embeddings</c> when one is configured, else the local model. <see cref="ModelId"/> is stored with each
/// document, so vectors of different models are never compared. Vectors are unit length (a dot product is the cosine).
/// </summary>
public sealed class DocumentEmbedder(ITextEmbedder local, IOptions<EmbeddingsOptions> options, IEmbeddingGenerator<string, Embedding<float>>? endpoint = null)
{
    public string ModelId => endpoint is null
        ? local.ModelId
        : options.Value.Dimensions is { } dimensions ? $"{options.Value.Model}/{dimensions}" : options.Value.Model;

    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken) =>
        endpoint is null ? local.EmbedQueries([query], cancellationToken)[0] : (await EmbedByEndpointAsync([query], cancellationToken))[0];

    public async Task<float[][]> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken) =>
        endpoint is null
            ? await Task.Run(() => local.EmbedPassages(passages, cancellationToken), cancellationToken)
            : await EmbedByEndpointAsync(passages, cancellationToken);

    private async Task<float[][]> EmbedByEndpointAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        // Text leaving for an external model is redacted, as every role's prompt is.
        var embeddings = await endpoint!.GenerateAsync(texts.Select(SensitiveDataRedactor.Redact), cancellationToken: cancellationToken);
        return [.. embeddings.Select(e => UnitVectors.Normalize(e.Vector.ToArray()))];
    }
}
