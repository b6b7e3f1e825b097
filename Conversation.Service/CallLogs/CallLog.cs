using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Calls;
using NpgsqlTypes;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>What a call with a client left behind: when it ran, the transcript, the summary, the outcome and the actions.</summary>
public sealed class CallLog
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid AgentId { get; init; }

    public required Guid ClientId { get; init; }

    /// <summary>The client's name when the call was made.</summary>
    public string? ClientName { get; init; }

    /// <summary>The calendar event the call was scheduled as, if it was.</summary>
    public string? CalendarEventId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The outcome the agent recorded, by its name ("renewed", "callback requested").</summary>
    public string? Outcome { get; set; }

    /// <summary>The outcome in the agent's words.</summary>
    public string? OutcomeNote { get; set; }

    public string? Summary { get; set; }

    /// <summary>The transcript as text ("Agent: …" and "Client: …" lines), for reading and for full-text search.</summary>
    public string? Transcript { get; set; }

    /// <summary>The transcript's utterances with speakers and times.</summary>
    public List<TranscriptEntry> TranscriptLines { get; init; } = [];

    public List<string> FollowUps { get; set; } = [];

    public List<string> Notes { get; init; } = [];

    /// <summary>Every proposal, confirmation, rejection and result of the call's actions, in order.</summary>
    public List<AuditEntry> Audit { get; init; } = [];

    public int DurationSeconds { get; init; }

    /// <summary>Summary and transcript for full-text search (a generated column).</summary>
    public NpgsqlTsVector SearchVector { get; init; } = null!;
}
