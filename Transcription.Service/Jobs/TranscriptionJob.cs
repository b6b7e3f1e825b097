namespace AgentCalls.Transcription.Service.Jobs;

/// <summary>One piece of audio to turn into text: a live call stream or an uploaded file.</summary>
public sealed class TranscriptionJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    /// <summary>The speech engine: "pocketsphinx", "groq", or another OpenAI-compatible endpoint's name.</summary>
    public required string Provider { get; init; }

    public TranscriptionJobStatus Status { get; set; } = TranscriptionJobStatus.Queued;

    public double AudioSeconds { get; set; }

    public string? Text { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? CompletedAt { get; set; }
}
