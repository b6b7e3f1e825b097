using AgentCalls.Eventing;

namespace AgentCalls.Clients.Service.History;

/// <summary>One change to a client or one of its policies: who, what and when.</summary>
public sealed class HistoryEntry
{
    public Guid Id { get; init; } = TimeOrderedIds.Next();

    public required Guid AgentId { get; init; }

    public required Guid ClientId { get; init; }

    public Guid? PolicyId { get; init; }

    public string? PolicyNumber { get; init; }

    public required HistorySubject Subject { get; init; }

    public required HistoryAction Action { get; init; }

    public required HistoryActor Actor { get; init; }

    /// <summary>The import or event that made the change, when not the agent directly.</summary>
    public string? SourceId { get; init; }

    /// <summary>JSON array of <see cref="FieldChange"/>.</summary>
    public required string Changes { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }
}

public enum HistorySubject
{
    Client,
    Policy,
}

public enum HistoryAction
{
    Created,
    Updated,
    Deleted,
}

public enum HistoryActor
{
    Agent,
    Import,
    CallLog,
}

/// <summary>A field's value before and after, as text; null means unset.</summary>
public sealed record FieldChange(string Field, string? From, string? To);
