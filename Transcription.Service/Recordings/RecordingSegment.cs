using AgentCalls.Transcription.Service.Jobs;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>One utterance of a recording's transcript.</summary>
public sealed class RecordingSegment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid JobId { get; init; }

    public required RecordingSpeaker Speaker { get; init; }

    public double StartSeconds { get; init; }

    public double EndSeconds { get; init; }

    public required string Text { get; init; }

    public float Confidence { get; init; }
}
