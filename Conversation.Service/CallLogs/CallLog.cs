namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>What a call with a client left behind: when it ran, the transcript, the summary and the outcome.</summary>
public sealed class CallLog
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    public required Guid ClientId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The outcome the agent recorded, for example "renewed" or "callback requested".</summary>
    public string? Outcome { get; set; }

    public string? Summary { get; set; }

    public string? Transcript { get; set; }
}
