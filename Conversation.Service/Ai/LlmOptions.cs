using System.ComponentModel.DataAnnotations;
using AgentCalls.ServiceDefaults.Http;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>
/// The section <c>Llm</c>: limits shared by every role, and each role's endpoint under <c>Llm:Roles:&lt;role&gt;</c>
/// (role names from <see cref="LlmRole"/>). A role with no endpoint is not configured.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>LLM calls one agent may start per minute, across all roles; a runaway loop or a hurried client stops here.</summary>
    [Range(1, 10_000)]
    public int CallsPerAgentPerMinute { get; set; } = 60;

    public Dictionary<string, LlmRoleOptions> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One role's OpenAI-compatible chat endpoint (Groq, Hugging Face's router, OpenAI, Ollama, vLLM, …).</summary>
public sealed class LlmRoleOptions
{
    /// <summary>The API's base URL, e.g. https://api.groq.com/openai/v1; the role is off without it.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "";

    /// <summary>From user-secrets or the AppHost's secret parameter; local servers (Ollama, vLLM) take any value.</summary>
    public string ApiKey { get; set; } = "unused";

    /// <summary>How long one attempt may wait for the response to start.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100_000)]
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>Retries after 429 (waiting as Retry-After says), 5xx and timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest wait between attempts, whatever Retry-After asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>When the provider keeps failing, how long it is left alone (<c>…:Circuit:BreakDuration</c> and the rest).</summary>
    public ProviderCircuit Circuit { get; set; } = new();
}
