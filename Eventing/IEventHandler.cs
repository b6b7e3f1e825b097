using Google.Protobuf;

namespace AgentCalls.Eventing;

/// <summary>
/// Applies one event to the service's own data. It runs inside the transaction that records the event in the
/// inbox, so its changes (saved by the consumer after it returns) commit together with that record or not at all.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IMessage
{
    Task HandleAsync(TEvent @event, EventMetadata metadata, CancellationToken cancellationToken);
}

/// <summary>What the stream says about an event besides its payload.</summary>
public sealed record EventMetadata(Guid EventId, DateTimeOffset OccurredAt);
