namespace AgentCalls.Transcription.Service.Usage;

/// <summary>Audio an engine transcribed for an agent: the unit cloud engines bill by.</summary>
public sealed class UsageRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    public required Guid JobId { get; init; }

    public required string Provider { get; init; }

    public double AudioSeconds { get; init; }

    public DateTimeOffset RecordedAt { get; init; } = DateTimeOffset.UtcNow;
}
