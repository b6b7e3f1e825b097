namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>
/// Groq's Whisper (or any OpenAI-compatible <c>/audio/transcriptions</c>): each utterance the VAD cut is sent whole
/// when it ends, so there are finals and no partials. The session's vocabulary goes along as Whisper's prompt.
/// </summary>
public sealed class GroqEngine(GroqTranscriber transcriber) : ISpeechEngine
{
    public const string EngineName = "groq";

    /// <summary>Whisper reads at most 224 prompt tokens; about 4 characters a token, the rest would be cut anyway.</summary>
    public const int MaxPromptCharacters = 800;

    public string Name => EngineName;

    public Task<ISpeechSession> StartSessionAsync(IReadOnlyList<string> vocabulary, CancellationToken cancellationToken) =>
        Task.FromResult<ISpeechSession>(new GroqSession(transcriber, Prompt(vocabulary)));

    /// <summary>The vocabulary as a comma-separated list, as many whole phrases as fit.</summary>
    public static string Prompt(IReadOnlyList<string> vocabulary)
    {
        var prompt = "";
        foreach (var phrase in vocabulary.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var next = prompt.Length == 0 ? phrase : $"{prompt}, {phrase}";
            if (next.Length > MaxPromptCharacters)
            {
                break;
            }

            prompt = next;
        }

        return prompt;
    }

    private sealed class GroqSession(GroqTranscriber transcriber, string prompt) : ISpeechSession
    {
        public IUtteranceRecognizer CreateRecognizer() => new GroqRecognizer(transcriber, prompt);

        public void Dispose()
        {
            // Nothing native is held: the audio is managed memory.
        }
    }
}
