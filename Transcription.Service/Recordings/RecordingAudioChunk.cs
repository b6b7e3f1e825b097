namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>A piece of an uploaded file, kept in transcriptiondb until the file is transcribed.</summary>
public sealed class RecordingAudioChunk
{
    public required Guid JobId { get; init; }

    public required int Sequence { get; init; }

    public required byte[] Data { get; init; }
}
