using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>Applies an event by adding a row to <c>handled_events</c>, after consulting the host's <see cref="HandlerScript"/>.</summary>
public sealed class RecordingHandler(EventsDbContext db, HandlerScript script) : IEventHandler<AgentRegistered>
{
    public Task HandleAsync(AgentRegistered @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        script.OnDelivery(@event.AgentId, db);
        db.HandledEvents.Add(new HandledEvent { EventId = metadata.EventId, AgentId = @event.AgentId });
        return Task.CompletedTask;
    }
}
