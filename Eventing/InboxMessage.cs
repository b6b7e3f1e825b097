namespace AgentCalls.Eventing;

/// <summary>An event a consumer has handled, recorded in the same transaction as the handling.</summary>
public sealed class InboxMessage
{
    public required string Consumer { get; init; }

    public required Guid EventId { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
