using System.Diagnostics;
using Google.Protobuf;

namespace AgentCalls.Eventing;

/// <summary>
/// An event waiting in the sender's database to be published. It is written in the same transaction
/// as the change it describes, so either both happen or neither does.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id (<see cref="TimeOrderedIds"/>: increasing within a process); consumers use it to handle each event once.</summary>
    public required Guid Id { get; init; }

    /// <summary>The proto message's full name, for example <c>agentcalls.identity.v1.AgentRegistered</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The proto message in its binary wire format.</summary>
    public required byte[] Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The W3C trace context of the change, so the consumer's work joins the same trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>Null until the relay has added the event to its Redis stream.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The outbox entry for <paramref name="event"/>, in the current trace.</summary>
    public static OutboxMessage For(IMessage @event, DateTimeOffset? occurredAt = null) => new()
    {
        Id = TimeOrderedIds.Next(),
        EventType = @event.Descriptor.FullName,
        Payload = @event.ToByteArray(),
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
        TraceParent = Activity.Current?.Id,
    };
}
