using System.Buffers;

namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>Collects one utterance's audio and transcribes it when it ends.</summary>
public sealed class GroqRecognizer(GroqTranscriber transcriber, string prompt) : IUtteranceRecognizer
{
    private readonly ArrayBufferWriter<short> utterance = new();

    public bool HasPartials => false;

    public void Begin() => utterance.ResetWrittenCount();

    public void Accept(ReadOnlySpan<short> samples) => utterance.Write(samples);

    public string Partial() => "";

    public Task<RecognizedText> EndAsync(CancellationToken cancellationToken) =>
        transcriber.TranscribeAsync(utterance.WrittenMemory, prompt, cancellationToken);

    public void Dispose()
    {
        // Nothing native is held: the audio is managed memory.
    }
}
