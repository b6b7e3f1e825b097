using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.History;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Calls;

/// <summary>
/// A logged call updates its client: last contacted and outcome (unless a later call is already recorded), the
/// callback request (set by a callback outcome, cleared by any other), and the do-not-call mark when the client
/// asked for it. The call's calendar slot no longer counts as a scheduled call.
/// </summary>
public sealed class CallLoggedHandler(ClientsDbContext db, TimeProvider time) : IEventHandler<CallLogged>
{
    public async Task HandleAsync(CallLogged @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(@event.AgentId, out var agentId) || !Guid.TryParse(@event.ClientId, out var clientId))
        {
            return;
        }

        if (@event.CalendarEventId.Length > 0)
        {
            await db.ScheduledCalls.Where(s => s.AgentId == agentId && s.EventId == @event.CalendarEventId).ExecuteDeleteAsync(cancellationToken);
        }

        var client = await db.Clients.FirstOrDefaultAsync(c => c.AgentId == agentId && c.Id == clientId, cancellationToken);
        var contactedAt = (@event.EndedAt ?? @event.StartedAt)?.ToDateTimeOffset() ?? metadata.OccurredAt;
        if (client is null || client.LastContactedAt > contactedAt)
        {
            return;
        }

        var before = FieldSnapshot.Of(client);
        client.LastContactedAt = contactedAt;
        client.LastOutcome = Describe(@event);
        client.CallbackRequestedAt = @event.Outcome == CallOutcome.CallbackRequested ? contactedAt : null;
        if (@event.Outcome == CallOutcome.DoNotCall && !client.DoNotCall)
        {
            client.DoNotCall = true;
            client.DoNotCallReason = "Asked on a call";
            client.DoNotCallSince = DateOnly.FromDateTime(contactedAt.UtcDateTime);
        }

        var now = time.GetUtcNow();
        client.UpdatedAt = now;
        db.Record(new HistoryEntryDraft(agentId, clientId, HistoryAction.Updated, HistoryActor.CallLog, now, SourceId: @event.CallLogId), before, FieldSnapshot.Of(client));
    }

    private static string Describe(CallLogged @event)
    {
        var outcome = @event.Outcome switch
        {
            CallOutcome.Reached => "reached",
            CallOutcome.Voicemail => "voicemail",
            CallOutcome.NoAnswer => "no answer",
            CallOutcome.CallbackRequested => "callback requested",
            CallOutcome.Sold => "sold",
            CallOutcome.DoNotCall => "do not call",
            CallOutcome.Renewed => "renewed",
            CallOutcome.Quoted => "quoted",
            CallOutcome.Lost => "lost",
            _ => "call logged",
        };
        var described = @event.OutcomeNote.Trim() is { Length: > 0 } note ? $"{outcome}: {note}" : outcome;
        return described.Length <= 200 ? described : described[..200];
    }
}
