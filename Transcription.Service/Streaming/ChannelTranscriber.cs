using System.Threading.Channels;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Vad;
using Google.Protobuf.WellKnownTypes;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>
/// Transcribes one channel of a live stream: cuts its audio into utterances, feeds them to its own recognizer,
/// and writes a partial about every 100 ms of speech while the text changes and one final per utterance.
/// </summary>
public sealed class ChannelTranscriber(ProtoChannel channel, UtteranceSegmenter segmenter, IUtteranceRecognizer recognizer)
{
    /// <summary>Three 32 ms frames: a partial about every 100 ms of speech.</summary>
    private const int FramesPerPartial = 3;

    private string utteranceId = "";
    private string lastPartial = "";
    private int framesSincePartial;

    public async Task RunAsync(ChannelReader<short[]> audio, ChannelWriter<StreamTranscriptionResponse> segments, CancellationToken cancellationToken)
    {
        var cuts = new List<Cut>();
        await foreach (var chunk in audio.ReadAllAsync(cancellationToken))
        {
            segmenter.Push(chunk, cuts);
            await HandleAsync(cuts, segments, cancellationToken);
        }

        segmenter.Flush(cuts);
        await HandleAsync(cuts, segments, cancellationToken);
    }

    private async Task HandleAsync(List<Cut> cuts, ChannelWriter<StreamTranscriptionResponse> segments, CancellationToken cancellationToken)
    {
        foreach (var cut in cuts)
        {
            switch (cut.Kind)
            {
                case CutKind.Start:
                    utteranceId = Guid.CreateVersion7().ToString("N");
                    lastPartial = "";
                    framesSincePartial = 0;
                    recognizer.Begin();
                    recognizer.Accept(cut.Audio);
                    break;
                case CutKind.Speech:
                    recognizer.Accept(cut.Audio);
                    if (recognizer.HasPartials && ++framesSincePartial >= FramesPerPartial)
                    {
                        framesSincePartial = 0;
                        var text = recognizer.Partial();
                        if (text.Length > 0 && text != lastPartial)
                        {
                            lastPartial = text;
                            await segments.WriteAsync(new StreamTranscriptionResponse { Partial = Segment(cut, text, 0) }, cancellationToken);
                        }
                    }

                    break;
                case CutKind.End:
                    var final = await recognizer.EndAsync(cancellationToken);
                    // A final follows every partial, even when the engine settled on no words, so callers can clear it.
                    if (final.Text.Length > 0 || lastPartial.Length > 0)
                    {
                        await segments.WriteAsync(new StreamTranscriptionResponse { Final = Segment(cut, final.Text, final.Confidence) }, cancellationToken);
                    }

                    break;
            }
        }

        cuts.Clear();
    }

    private TranscriptSegment Segment(Cut cut, string text, float confidence) => new()
    {
        Channel = channel,
        UtteranceId = utteranceId,
        Start = At(cut.UtteranceStart),
        End = At(cut.AudioEnd),
        Text = text,
        Confidence = confidence,
    };

    private static Duration At(long sample) => Duration.FromTimeSpan(TimeSpan.FromSeconds(sample / (double)SileroVadModel.SampleRate));
}
