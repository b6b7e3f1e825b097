using System.ClientModel;
using Microsoft.Extensions.Options;
using OpenAI.Audio;

namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>
/// Sends audio to the OpenAI-compatible endpoint as WAV with the session's vocabulary as the prompt, split on silence
/// first when it is larger than the provider takes, and joins the pieces' text. Retries (429 with Retry-After, 5xx)
/// belong to the HttpClient's resilience pipeline, not to this class.
/// </summary>
public sealed class GroqTranscriber(AudioClient audio, IOptions<GroqOptions> options)
{
    private const string FileName = "utterance.wav";

    public async Task<RecognizedText> TranscribeAsync(ReadOnlyMemory<short> samples, string prompt, CancellationToken cancellationToken)
    {
        var maxSamples = (int)Math.Min(int.MaxValue, (options.Value.MaxUploadBytes - WavFile.HeaderBytes) / sizeof(short));
        var texts = new List<string>();
        var confidences = new List<(float Confidence, int Samples)>();
        foreach (var piece in SilenceSplitter.Split(samples, maxSamples))
        {
            var transcription = await SendAsync(piece, prompt, cancellationToken);
            var text = transcription.Text.Trim();
            if (text.Length > 0)
            {
                texts.Add(text);
                confidences.Add((Confidence(transcription), piece.Length));
            }
        }

        var heard = confidences.Sum(c => c.Samples);
        return new RecognizedText(string.Join(' ', texts), heard == 0 ? 0 : confidences.Sum(c => c.Confidence * c.Samples) / heard);
    }

    private async Task<AudioTranscription> SendAsync(ReadOnlyMemory<short> piece, string prompt, CancellationToken cancellationToken)
    {
        using var wav = new MemoryStream(WavFile.FromPcm16(piece.Span), writable: false);
        var request = new AudioTranscriptionOptions { Prompt = prompt.Length > 0 ? prompt : null, Language = "en", ResponseFormat = AudioTranscriptionFormat.Verbose };
        try
        {
            return (await audio.TranscribeAudioAsync(wav, FileName, request, cancellationToken)).Value;
        }
        catch (ClientResultException e)
        {
            throw SpeechProviderErrors.From(e, options.Value);
        }
    }

    /// <summary>Whisper's average log-probability per token over the segments, as a probability.</summary>
    private static float Confidence(AudioTranscription transcription) =>
        transcription.Segments.Count == 0 ? 1f : (float)Math.Exp(transcription.Segments.Average(s => s.AverageLogProbability));
}
