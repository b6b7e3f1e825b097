namespace AgentCalls.Transcription.Service.Jobs;

/// <summary>One piece of audio to turn into text: a live call stream or an uploaded file.</summary>
public sealed class TranscriptionJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    /// <summary>The speech engine: "pocketsphinx", "groq", or another OpenAI-compatible endpoint's name.</summary>
    public required string Provider { get; init; }

    public TranscriptionJobSource Source { get; init; } = TranscriptionJobSource.LiveStream;

    public TranscriptionJobStatus Status { get; set; } = TranscriptionJobStatus.Queued;

    /// <summary>The audio's length: metered for a stream, probed at upload for a file.</summary>
    public double AudioSeconds { get; set; }

    /// <summary>How far into the audio a file's transcription has got (progress).</summary>
    public double ProcessedSeconds { get; set; }

    public string? Text { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Set for a recorded file: what was uploaded and how to hear it.</summary>
    public RecordedFile? File { get; set; }

    /// <summary>Which worker holds the running job; a new claim gets a new token, which fences the old worker's writes.</summary>
    public Guid? LeaseToken { get; set; }

    /// <summary>When a running job's worker is presumed dead and another may take the job over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>How many times a recording was taken over from a worker that died with it (a file that crashes the process fails after a few).</summary>
    public int AbandonedRuns { get; set; }
}
