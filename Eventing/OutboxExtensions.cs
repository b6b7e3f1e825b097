using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Eventing;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an event in the context's outbox. It is saved by the same SaveChanges (and transaction)
    /// as the change it describes, and published only once that commits.
    /// </summary>
    public static OutboxMessage AddEvent(this DbContext db, IMessage @event)
    {
        var message = OutboxMessage.For(@event);
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
