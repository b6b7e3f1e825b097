using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Streaming;
using AgentCalls.Transcription.Service.Usage;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>What the agent said about an upload, besides the file itself.</summary>
public sealed record RecordingUploadRequest(string? FileName, string? Speaker, string? Engine, IReadOnlyList<string> Vocabulary);

/// <summary>
/// Takes an uploaded recording: checks the request, spools the body to a temporary file (never more than the limit),
/// has ffprobe confirm it is mono or stereo audio and measure it, checks the month's allowance, then stores the file
/// with a queued job and wakes the worker. Anything refused throws <see cref="RecordingRejectedException"/> (or
/// ResourceExhausted) and leaves nothing behind.
/// </summary>
public sealed class RecordingUpload(
    RecordingAudioStore store, FfmpegAudio ffmpeg, UsageMeter meter, SpeechEngines engines, RecordingSignal signal, IOptions<RecordingsOptions> options, TimeProvider time)
{
    public const int MaxFileNameLength = 255;

    private const string Formats = "WAV, FLAC, MP3, M4A/AAC or OGG/Opus";

    public async Task<Guid> StoreAsync(Guid agentId, RecordingUploadRequest request, Stream body, CancellationToken cancellationToken)
    {
        var (name, speaker, engine) = Check(request);
        var spool = Path.Combine(Path.GetTempPath(), $"agentcalls-upload-{Guid.NewGuid():N}");
        try
        {
            var bytes = await SpoolAsync(body, spool, cancellationToken);
            if (bytes == 0)
            {
                throw new RecordingRejectedException("file", "is empty: send the recording as the request body.");
            }

            var probe = await ffmpeg.ProbeAsync(spool, cancellationToken)
                ?? throw new RecordingRejectedException("file", $"is not audio: send a recording as {Formats}.");
            if (probe.Channels is < 1 or > 2)
            {
                throw new RecordingRejectedException("file", $"has {probe.Channels} channels: send mono (one speaker) or stereo (agent left, client right).");
            }

            if (probe.DurationSeconds <= 0)
            {
                throw new RecordingRejectedException("file", "holds no sound: its audio is zero seconds long.");
            }

            await meter.EnsureRoomForAsync(agentId, probe.DurationSeconds, cancellationToken);
            var job = new TranscriptionJob
            {
                AgentId = agentId,
                Provider = engine,
                Source = TranscriptionJobSource.RecordedFile,
                AudioSeconds = probe.DurationSeconds,
                CreatedAt = time.GetUtcNow(),
                File = new RecordedFile { FileName = name, FileBytes = bytes, Channels = probe.Channels, MonoSpeaker = speaker, Vocabulary = [.. request.Vocabulary.Where(v => !string.IsNullOrWhiteSpace(v))] },
            };
            await store.AddAsync(job, spool, cancellationToken);
            signal.Notify();
            return job.Id;
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private (string Name, RecordingSpeaker Speaker, string Engine) Check(RecordingUploadRequest request)
    {
        var name = string.IsNullOrWhiteSpace(request.FileName) ? "recording" : Path.GetFileName(request.FileName.Trim());
        if (name.Length > MaxFileNameLength)
        {
            throw new RecordingRejectedException("fileName", $"is longer than {MaxFileNameLength} characters.");
        }

        var speaker = request.Speaker?.ToLowerInvariant() switch
        {
            null or "" or "agent" => RecordingSpeaker.Agent,
            "client" => RecordingSpeaker.Client,
            _ => throw new RecordingRejectedException("speaker", "must be \"agent\" or \"client\": who speaks on a one-channel recording."),
        };

        var engine = engines.Find(string.IsNullOrEmpty(request.Engine) ? engines.DefaultName : request.Engine)
            ?? throw new RecordingRejectedException("engine", $"must be one of: {string.Join(", ", engines.Names)}.");
        if (request.Vocabulary.Count > LiveSessionSettings.MaxVocabulary || request.Vocabulary.Any(v => v.Length > LiveSessionSettings.MaxPhraseLength))
        {
            throw new RecordingRejectedException("vocabulary",
                $"must hold at most {LiveSessionSettings.MaxVocabulary} phrases of at most {LiveSessionSettings.MaxPhraseLength} characters.");
        }

        return (name, speaker, engine.Name);
    }

    private async Task<long> SpoolAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        var tooLarge = new RecordingRejectedException("file", $"is larger than {limit:N0} bytes.", StatusCodes.Status413PayloadTooLarge);
        await using var file = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw tooLarge;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw tooLarge;
        }

        return total;
    }
}
