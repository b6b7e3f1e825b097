namespace AgentCalls.Transcription.Service.Settings;

/// <summary>An agent's own transcription settings; an agent without a row uses the deployment's defaults.</summary>
public sealed class AgentSpeechSettings
{
    public required Guid AgentId { get; init; }

    /// <summary>The engine the agent chose; empty for the deployment's default.</summary>
    public string Engine { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
