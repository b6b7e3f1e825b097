namespace AgentCalls.Transcription.Service.Jobs;

public enum TranscriptionJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}
