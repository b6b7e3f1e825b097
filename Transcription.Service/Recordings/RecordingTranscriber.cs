using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Vad;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>
/// Transcribes one claimed recording from the start: ffmpeg decodes the stored file to 16 kHz PCM16 (two channels kept
/// apart for stereo: agent left, client right), each channel goes through its own VAD and recognizer of the job's
/// engine, and after every second of audio the segments found and the progress are written under the lease.
/// </summary>
public sealed class RecordingTranscriber(
    RecordingLeases leases, RecordingAudioStore store, FfmpegAudio ffmpeg, SpeechEngines engines, SileroVadModel vadModel, IOptions<VadOptions> vadOptions)
{
    public async Task RunAsync(RecordingLease lease, CancellationToken cancellationToken)
    {
        var job = await leases.ReadAsync(lease, cancellationToken);
        var engine = engines.Find(job.Provider) ?? throw new InvalidDataException($"The speech engine '{job.Provider}' is not available in this deployment.");
        var file = job.File ?? throw new InvalidDataException("The job has no recorded file.");
        await leases.RestartAsync(lease, cancellationToken);

        RecordingSpeaker[] speakers = file.Channels == 2 ? [RecordingSpeaker.Agent, RecordingSpeaker.Client] : [file.MonoSpeaker];
        var path = Path.Combine(Path.GetTempPath(), $"agentcalls-recording-{job.Id:N}-{lease.Token:N}");
        try
        {
            await store.CopyToFileAsync(job.Id, path, cancellationToken);
            using var session = await engine.StartSessionAsync(file.Vocabulary, cancellationToken);
            var channels = new List<RecordedChannel>();
            try
            {
                foreach (var speaker in speakers)
                {
                    channels.Add(new RecordedChannel(job.Id, speaker, new UtteranceSegmenter(new SileroVad(vadModel), vadOptions.Value), session.CreateRecognizer()));
                }

                var found = new List<RecordingSegment>();
                long frames = 0;
                await ffmpeg.DecodeAsync(path, speakers.Length, async (block, ct) =>
                {
                    var perChannel = Deinterleave(block.Span, speakers.Length);
                    for (var i = 0; i < channels.Count; i++)
                    {
                        await channels[i].PushAsync(perChannel[i], found, ct);
                    }

                    frames += perChannel[0].Length;
                    await leases.ProgressAsync(lease, Seconds(frames), found, ct);
                    found.Clear();
                }, cancellationToken);

                foreach (var channel in channels)
                {
                    await channel.FlushAsync(found, cancellationToken);
                }

                await leases.CompleteAsync(lease, job.AgentId, engine.Name, Seconds(frames), found, cancellationToken);
            }
            finally
            {
                channels.ForEach(c => c.Dispose());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Seconds(long frames) => frames / (double)FfmpegAudio.SampleRate;

    private static short[][] Deinterleave(ReadOnlySpan<short> interleaved, int channels)
    {
        var frames = interleaved.Length / channels;
        var split = new short[channels][];
        for (var c = 0; c < channels; c++)
        {
            split[c] = new short[frames];
            for (var f = 0; f < frames; f++)
            {
                split[c][f] = interleaved[f * channels + c];
            }
        }

        return split;
    }
}
