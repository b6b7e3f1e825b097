using System.ComponentModel.DataAnnotations;
using AgentCalls.ServiceDefaults.Http;

namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>
/// An OpenAI-compatible <c>/audio/transcriptions</c> endpoint: Groq's by default, or a Whisper server the operator runs.
/// Without an API key the engine is not offered.
/// </summary>
public sealed class GroqOptions
{
    public const string Section = "Transcription:Groq";

    /// <summary>From user-secrets or the environment, never the repository; a local Whisper server takes any value.</summary>
    public string ApiKey { get; set; } = "";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.groq.com/openai/v1");

    [Required]
    public string Model { get; set; } = "whisper-large-v3-turbo";

    /// <summary>The largest file the provider takes (Groq's free tier: 25 MB); longer audio is split on silence first.</summary>
    [Range(64 * 1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after 429 (waiting as Retry-After says), 5xx and timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest wait between attempts, whatever Retry-After asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>When the provider keeps failing, how long it is left alone (<c>…:Circuit:BreakDuration</c> and the rest).</summary>
    public ProviderCircuit Circuit { get; set; } = new();

    public bool IsConfigured => ApiKey.Length > 0;
}
