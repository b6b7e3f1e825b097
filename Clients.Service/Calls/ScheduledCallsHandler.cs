using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Calls;

/// <summary>
/// Keeps the calls on the agent's calendar, by event id, so a client's next call is the earliest one still ahead
/// and the call queue leaves out clients who already have one. Each event type travels on a stream of its own, so a
/// reschedule can be handled before the schedule it follows: a schedule only adds a call not yet kept, and a
/// reschedule adds or moves it.
/// </summary>
public sealed class ScheduledCallsHandler(ClientsDbContext db) :
    IEventHandler<CallScheduled>, IEventHandler<CallRescheduled>, IEventHandler<CallCancelled>
{
    public Task HandleAsync(CallScheduled @event, EventMetadata metadata, CancellationToken cancellationToken) =>
        UpsertAsync(@event.AgentId, @event.EventId, @event.ClientId, @event.StartsAt, moves: false, cancellationToken);

    public Task HandleAsync(CallRescheduled @event, EventMetadata metadata, CancellationToken cancellationToken) =>
        UpsertAsync(@event.AgentId, @event.EventId, @event.ClientId, @event.StartsAt, moves: true, cancellationToken);

    public async Task HandleAsync(CallCancelled @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(@event.AgentId, out var agentId))
        {
            await db.ScheduledCalls.Where(s => s.AgentId == agentId && s.EventId == @event.EventId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task UpsertAsync(string agent, string eventId, string client, Timestamp? startsAt, bool moves, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(agent, out var agentId) || !Guid.TryParse(client, out var clientId) || startsAt is null || eventId.Length == 0
            || !await db.Clients.AnyAsync(c => c.AgentId == agentId && c.Id == clientId, cancellationToken))
        {
            return;
        }

        var call = await db.ScheduledCalls.FirstOrDefaultAsync(s => s.AgentId == agentId && s.EventId == eventId, cancellationToken);
        if (call is null)
        {
            db.ScheduledCalls.Add(new ScheduledCall { AgentId = agentId, EventId = eventId, ClientId = clientId, StartsAt = startsAt.ToDateTimeOffset() });
            return;
        }

        if (!moves)
        {
            // Kept already: by a reschedule that overtook this schedule on its own stream.
            return;
        }

        call.ClientId = clientId;
        call.StartsAt = startsAt.ToDateTimeOffset();
    }
}
