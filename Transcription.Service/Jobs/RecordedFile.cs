namespace AgentCalls.Transcription.Service.Jobs;

/// <summary>An uploaded recording's details, kept with its job.</summary>
public sealed class RecordedFile
{
    public required string FileName { get; set; }

    public long FileBytes { get; init; }

    /// <summary>1, or 2 for a stereo file: the agent on the left, the client on the right.</summary>
    public int Channels { get; init; }

    /// <summary>Who speaks on a one-channel file.</summary>
    public RecordingSpeaker MonoSpeaker { get; init; } = RecordingSpeaker.Agent;

    /// <summary>Words the recording is likely to hold (names, carriers), to bias the engine.</summary>
    public List<string> Vocabulary { get; set; } = [];
}

public enum RecordingSpeaker
{
    Agent,
    Client,
}
