namespace AgentCalls.Transcription.Service.Vad;

/// <summary>One channel's voice activity detector: the shared model with this channel's recurrent state and context.</summary>
public sealed class SileroVad(SileroVadModel model)
{
    private readonly float[] input = new float[SileroVadModel.ContextSamples + SileroVadModel.FrameSamples];
    private readonly float[] state = new float[2 * 128];

    /// <summary>The probability that this frame of <see cref="SileroVadModel.FrameSamples"/> samples is speech.</summary>
    public float SpeechProbability(ReadOnlySpan<short> frame)
    {
        input.AsSpan(SileroVadModel.FrameSamples).CopyTo(input);
        for (var i = 0; i < frame.Length; i++)
        {
            input[SileroVadModel.ContextSamples + i] = frame[i] / 32768f;
        }

        return model.Run(input, state);
    }
}
