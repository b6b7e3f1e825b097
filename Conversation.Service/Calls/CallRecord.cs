using AgentCalls.Conversation.Service.Actions;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// A call as conversationdb keeps it from its start until its log is saved (then the row goes, the log stays): what
/// any process needs to serve it after a restart or on another replica. The transcript is in its own rows.
/// </summary>
public sealed class CallRecord
{
    public required Guid Id { get; init; }

    public required Guid AgentId { get; init; }

    public required Guid ClientId { get; init; }

    public required string ClientName { get; init; }

    public string ClientTimeZone { get; init; } = "";

    public bool DoNotCall { get; init; }

    public bool RecordingConsent { get; init; }

    /// <summary>The client's policies as the assistant speaks of them.</summary>
    public List<ClientPolicy> ClientPolicies { get; init; } = [];

    /// <summary>The words transcription is told to expect.</summary>
    public List<string> Vocabulary { get; init; } = [];

    public string? CalendarEventId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// When a connection or a request last showed the call is followed; renewed while a socket is open. A live call
    /// not seen for the idle timeout ends itself, whichever process was holding it.
    /// </summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public List<string> Notes { get; set; } = [];

    /// <summary>The outcome the agent set during the call, by name.</summary>
    public string? ChosenOutcome { get; set; }

    public List<ProposalRecord> Proposals { get; set; } = [];

    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>The draft written when the call ended; null while live.</summary>
    public string? DraftSummary { get; set; }

    public string? DraftOutcome { get; set; }

    public List<string> DraftFollowUps { get; set; } = [];

    /// <summary>Who wrote the draft: "model" or "offline".</summary>
    public string? DraftSource { get; set; }
}
