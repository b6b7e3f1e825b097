namespace AgentCalls.Transcription.Service.Vad;

/// <summary>What the segmenter saw in the audio: an utterance starting (with its pre-roll), going on, or ending.</summary>
public enum CutKind
{
    Start,
    Speech,
    End,
}

/// <summary>
/// One step of a channel's segmentation. <see cref="Audio"/> is what to give the engine (empty for an end);
/// <see cref="UtteranceStart"/> and <see cref="AudioEnd"/> are sample positions in the channel's audio.
/// </summary>
public readonly record struct Cut(CutKind Kind, short[] Audio, long UtteranceStart, long AudioEnd);

/// <summary>
/// Cuts one channel's audio into utterances with Silero VAD: frames of 32 ms, speech from a frame over the start
/// threshold until a run of quiet frames (or the longest utterance allowed), with a little audio from before the
/// start so the first word reaches the engine whole.
/// </summary>
public sealed class UtteranceSegmenter(SileroVad vad, VadOptions options)
{
    private const int Frame = SileroVadModel.FrameSamples;
    private const double FrameMs = Frame * 1000.0 / SileroVadModel.SampleRate;

    private readonly Queue<short[]> preRoll = new();
    private readonly int preRollFrames = (int)Math.Ceiling(options.PreRollMs / FrameMs);
    private readonly int endSilenceFrames = (int)Math.Ceiling(options.EndSilenceMs / FrameMs);
    private readonly int maxFrames = (int)(options.MaxUtteranceMs / FrameMs);
    private short[] pending = new short[Frame];
    private int pendingCount;
    private long framesSeen;
    private long utteranceStart;
    private long lastSpeechEnd;
    private int utteranceFrames;
    private int quietFrames;

    public bool InSpeech { get; private set; }

    /// <summary>Samples received so far.</summary>
    public long Samples => framesSeen * Frame + pendingCount;

    /// <summary>Adds audio; the cuts it completes are appended to <paramref name="cuts"/>.</summary>
    public void Push(ReadOnlySpan<short> samples, List<Cut> cuts)
    {
        while (samples.Length > 0)
        {
            var take = Math.Min(Frame - pendingCount, samples.Length);
            samples[..take].CopyTo(pending.AsSpan(pendingCount));
            pendingCount += take;
            samples = samples[take..];
            if (pendingCount == Frame)
            {
                var frame = pending;
                pending = new short[Frame];
                pendingCount = 0;
                OnFrame(frame, cuts);
            }
        }
    }

    /// <summary>The audio has ended: an utterance in progress ends where its speech did.</summary>
    public void Flush(List<Cut> cuts)
    {
        if (InSpeech)
        {
            InSpeech = false;
            cuts.Add(new Cut(CutKind.End, [], utteranceStart, lastSpeechEnd));
        }
    }

    private void OnFrame(short[] frame, List<Cut> cuts)
    {
        var probability = vad.SpeechProbability(frame);
        var frameStart = framesSeen * Frame;
        framesSeen++;
        if (!InSpeech)
        {
            if (probability < options.StartThreshold)
            {
                preRoll.Enqueue(frame);
                if (preRoll.Count > preRollFrames)
                {
                    preRoll.Dequeue();
                }

                return;
            }

            InSpeech = true;
            utteranceStart = frameStart - preRoll.Count * (long)Frame;
            utteranceFrames = 0;
            quietFrames = 0;
            lastSpeechEnd = frameStart + Frame;
            short[] audio = [.. preRoll.SelectMany(f => f), .. frame];
            preRoll.Clear();
            cuts.Add(new Cut(CutKind.Start, audio, utteranceStart, lastSpeechEnd));
            return;
        }

        utteranceFrames++;
        quietFrames = probability < options.EndThreshold ? quietFrames + 1 : 0;
        if (quietFrames == 0)
        {
            lastSpeechEnd = frameStart + Frame;
        }

        cuts.Add(new Cut(CutKind.Speech, frame, utteranceStart, frameStart + Frame));
        if (quietFrames >= endSilenceFrames || utteranceFrames >= maxFrames)
        {
            InSpeech = false;
            cuts.Add(new Cut(CutKind.End, [], utteranceStart, lastSpeechEnd));
        }
    }
}
