using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>
/// A logged call that was made from a scheduled call marks that event as held, with the log it left. Only the agent's
/// own event is touched; an event id that is not one of ours (or no longer cached) is let go.
/// </summary>
public sealed class CallLoggedHandler(CalendarDbContext db) : IEventHandler<CallLogged>
{
    public async Task HandleAsync(CallLogged @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(@event.AgentId, out var agentId) || !Guid.TryParse(@event.CalendarEventId, out var eventId))
        {
            return;
        }

        var heldAt = (@event.EndedAt ?? @event.StartedAt)?.ToDateTimeOffset() ?? metadata.OccurredAt;
        var callLogId = Guid.TryParse(@event.CallLogId, out var logId) ? logId : (Guid?)null;
        await db.Events.Where(e => e.Id == eventId && e.AgentId == agentId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.HeldAt, heldAt).SetProperty(x => x.CallLogId, callLogId), cancellationToken);
    }
}
