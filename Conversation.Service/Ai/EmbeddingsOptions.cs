using System.ComponentModel.DataAnnotations;
using AgentCalls.ServiceDefaults.Http;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// The section <c>Embeddings</c>: an OpenAI-compatible embeddings endpoint that replaces the local model for documents
/// and questions about them. Without an endpoint the local model (snowflake-arctic-embed-xs) embeds them.
/// </summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>The API's base URL, e.g. https://api.openai.com/v1; the local model is used without it.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The endpoint's model; stored with every document's vectors, so changing it re-embeds the documents.</summary>
    [MaxLength(80)]
    public string Model { get; set; } = "";

    /// <summary>Asks the model for vectors of this length, where it can shorten them (OpenAI's text-embedding-3 models).</summary>
    [Range(1, 8192)]
    public int? Dimensions { get; set; }

    /// <summary>From user-secrets or the AppHost's secret parameter; local servers take any value.</summary>
    public string ApiKey { get; set; } = "unused";

    /// <summary>How long one request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after 429 (waiting as Retry-After says), 5xx and timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest wait between attempts, whatever Retry-After asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>When the provider keeps failing, how long it is left alone (<c>…:Circuit:BreakDuration</c> and the rest).</summary>
    public ProviderCircuit Circuit { get; set; } = new();

    /// <summary>How often documents embedded by another model (uploaded by a replica on the old setting) are looked for.</summary>
    public TimeSpan ReembedCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
