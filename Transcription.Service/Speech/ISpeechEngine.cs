namespace AgentCalls.Transcription.Service.Speech;

/// <summary>A speech-to-text engine the service can transcribe with ("pocketsphinx", "groq").</summary>
public interface ISpeechEngine
{
    /// <summary>The engine's name, as settings and usage records spell it.</summary>
    string Name { get; }

    /// <summary>Prepares what every channel of one stream shares: the session's vocabulary biasing.</summary>
    Task<ISpeechSession> StartSessionAsync(IReadOnlyList<string> vocabulary, CancellationToken cancellationToken);
}

/// <summary>One stream's prepared engine; disposing it frees what the session holds.</summary>
public interface ISpeechSession : IDisposable
{
    /// <summary>A recognizer for one channel. Recognizers are used by one thread at a time and never shared.</summary>
    IUtteranceRecognizer CreateRecognizer();
}

/// <summary>Turns one utterance at a time into text; disposing it frees its decoder.</summary>
public interface IUtteranceRecognizer : IDisposable
{
    /// <summary>Whether <see cref="Partial"/> returns text while the utterance goes on.</summary>
    bool HasPartials { get; }

    void Begin();

    void Accept(ReadOnlySpan<short> samples);

    /// <summary>The text so far of the utterance in progress (empty when none).</summary>
    string Partial();

    Task<RecognizedText> EndAsync(CancellationToken cancellationToken);
}

/// <summary>An utterance's text and the engine's confidence in it (0 to 1).</summary>
public sealed record RecognizedText(string Text, float Confidence);
