using AgentCalls.Transcription.Service.Speech.Groq;
using AgentCalls.Transcription.Service.Speech.PocketSphinx;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Speech;

/// <summary>The engines this deployment offers, and which one an agent's stream uses when it names none.</summary>
public sealed class SpeechEngines(IEnumerable<ISpeechEngine> engines, IOptions<TranscriptionOptions> options)
{
    /// <summary>Every engine the service has code for, offered or not.</summary>
    public static readonly IReadOnlyList<string> Known = [PocketSphinxEngine.EngineName, GroqEngine.EngineName];

    private readonly Dictionary<string, ISpeechEngine> byName = engines.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => byName.Keys;

    public string DefaultName => options.Value.Engine;

    public ISpeechEngine? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The agent's chosen engine when this deployment offers it, else the deployment's default.</summary>
    public ISpeechEngine InUse(string? agentChoice) =>
        (agentChoice is { Length: > 0 } ? Find(agentChoice) : null) ?? Find(DefaultName)
        ?? throw new InvalidOperationException($"Transcription:Engine names '{DefaultName}', which this deployment does not offer.");

    /// <summary>Why <paramref name="name"/> cannot be used, for a field violation.</summary>
    public string Unavailable(string name) =>
        Known.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? $"'{name}' is not configured on this deployment; it offers: {string.Join(", ", Names)}."
            : $"must be one of: {string.Join(", ", Names)}.";
}
