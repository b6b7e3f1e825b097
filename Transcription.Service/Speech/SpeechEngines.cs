using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Speech;

/// <summary>The engines this deployment has, and which one a stream uses when it names none.</summary>
public sealed class SpeechEngines(IEnumerable<ISpeechEngine> engines, IOptions<TranscriptionOptions> options)
{
    private readonly Dictionary<string, ISpeechEngine> byName = engines.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => byName.Keys;

    public string DefaultName => options.Value.DefaultEngine;

    public ISpeechEngine? Find(string name) => byName.GetValueOrDefault(name);
}
