using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace AgentCalls.Transcription.Service.Vad;

/// <summary>Silero VAD v6 loaded once through ONNX Runtime; each stream keeps its own state in a <see cref="SileroVad"/>.</summary>
public sealed class SileroVadModel : IDisposable
{
    public const int SampleRate = 16_000;

    /// <summary>The model judges 512 samples (32 ms) at a time.</summary>
    public const int FrameSamples = 512;

    /// <summary>…seeing the 64 samples before each frame as well.</summary>
    public const int ContextSamples = 64;

    private readonly InferenceSession session;

    public SileroVadModel(IOptions<VadOptions> options)
    {
        // One intra-op thread: frames are tiny (0.12 ms) and many streams run at once.
        using var sessionOptions = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        session = new InferenceSession(options.Value.ModelPath, sessionOptions);
    }

    /// <summary>The probability that the frame is speech; <paramref name="state"/> is updated in place.</summary>
    public float Run(float[] input, float[] state)
    {
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, input.Length]);
        using var stateValue = OrtValue.CreateTensorValueFromMemory(state, [2, 1, 128]);
        using var rate = OrtValue.CreateTensorValueFromMemory(new long[] { SampleRate }, []);
        using var outputs = session.Run(new RunOptions(), ["input", "state", "sr"], [inputValue, stateValue, rate], ["output", "stateN"]);
        outputs[1].GetTensorDataAsSpan<float>().CopyTo(state);
        return outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    public void Dispose() => session.Dispose();
}
