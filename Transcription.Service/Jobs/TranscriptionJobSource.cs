namespace AgentCalls.Transcription.Service.Jobs;

/// <summary>Where a job's audio came from.</summary>
public enum TranscriptionJobSource
{
    LiveStream,
    RecordedFile,
}
