using System.Runtime.InteropServices;
using AgentCalls.Transcription.Service.Vad;
using NAudio.Wave;

namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>16 kHz mono PCM16 as a WAV file, the one format every OpenAI-compatible transcription endpoint takes.</summary>
public static class WavFile
{
    /// <summary>The RIFF, fmt and data chunk headers NAudio writes before the samples.</summary>
    public const int HeaderBytes = 44;

    private static readonly WaveFormat Format = new(SileroVadModel.SampleRate, 16, 1);

    public static byte[] FromPcm16(ReadOnlySpan<short> samples)
    {
        var pcm = MemoryMarshal.AsBytes(samples).ToArray();
        using var source = new RawSourceWaveStream(pcm, 0, pcm.Length, Format);
        using var wav = new MemoryStream(HeaderBytes + pcm.Length);
        WaveFileWriter.WriteWavFileToStream(wav, source);
        return wav.ToArray();
    }
}
