using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Vad;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>One channel (one speaker) of a recording: the VAD cuts its audio into utterances, its own recognizer gives each one's text.</summary>
public sealed class RecordedChannel(Guid jobId, RecordingSpeaker speaker, UtteranceSegmenter segmenter, IUtteranceRecognizer recognizer) : IDisposable
{
    private readonly List<Cut> cuts = [];

    /// <summary>Hears more of the channel; utterances it completes are added to <paramref name="found"/>.</summary>
    public Task PushAsync(ReadOnlySpan<short> samples, List<RecordingSegment> found, CancellationToken cancellationToken)
    {
        segmenter.Push(samples, cuts);
        return HandleAsync(found, cancellationToken);
    }

    /// <summary>The audio ended: an utterance still open ends too.</summary>
    public Task FlushAsync(List<RecordingSegment> found, CancellationToken cancellationToken)
    {
        segmenter.Flush(cuts);
        return HandleAsync(found, cancellationToken);
    }

    public void Dispose() => recognizer.Dispose();

    private async Task HandleAsync(List<RecordingSegment> found, CancellationToken cancellationToken)
    {
        foreach (var cut in cuts)
        {
            switch (cut.Kind)
            {
                case CutKind.Start:
                    recognizer.Begin();
                    recognizer.Accept(cut.Audio);
                    break;
                case CutKind.Speech:
                    recognizer.Accept(cut.Audio);
                    break;
                case CutKind.End:
                    var text = await recognizer.EndAsync(cancellationToken);
                    if (text.Text.Length > 0)
                    {
                        found.Add(new RecordingSegment
                        {
                            JobId = jobId,
                            Speaker = speaker,
                            StartSeconds = cut.UtteranceStart / (double)SileroVadModel.SampleRate,
                            EndSeconds = cut.AudioEnd / (double)SileroVadModel.SampleRate,
                            Text = text.Text,
                            Confidence = text.Confidence,
                        });
                    }

                    break;
            }
        }

        cuts.Clear();
    }
}
