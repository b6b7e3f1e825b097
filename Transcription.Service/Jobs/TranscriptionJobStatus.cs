namespace AgentCalls.Transcription.Service.Jobs;

public enum TranscriptionJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,

    /// <summary>The agent deleted the recording: its audio and transcript are gone, the row stays for the metered usage.</summary>
    Deleted,
}
