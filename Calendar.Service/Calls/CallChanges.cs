using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Slots;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>
/// RescheduleCall and CancelCall: the change goes to the call's provider first, then the row and CallRescheduled
/// or CallCancelled are saved together. Another agent's event id, or an event that is not a call, is NotFound.
/// A call deleted in Google Calendar meanwhile is removed here too (and announced cancelled).
/// </summary>
public sealed class CallChanges(CalendarDbContext db, SettingsStore settings, CalendarProviders providers, IConnectionMultiplexer redis, TimeProvider time)
{
    public async Task<CalendarEvent> RescheduleAsync(Guid agentId, RescheduleCallRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var eventId = ReadEventId(request.EventId, violations);
        var start = CallInput.ReadStart(request.StartTime, time.GetUtcNow(), violations);
        CallInput.ReadDuration(request.DurationMinutes, violations);
        violations.ThrowIfAny();

        var moved = await CallOverlaps.UnderAgentLockAsync<CachedEvent?>(db, agentId, async ct =>
        {
            var call = await FindCallAsync(agentId, eventId, ct);
            var end = start + (request.DurationMinutes == 0 ? call.EndsAt - call.StartsAt : TimeSpan.FromMinutes(request.DurationMinutes));
            await CallOverlaps.ThrowIfTakenAsync(db, agentId, start, end, e => e.Id != call.Id, ct);
            var zone = (await settings.GetAsync(agentId, ct)).TimeZone;
            try
            {
                await providers.For(call.Provider).MoveAsync(call, start, end, zone, ct);
            }
            catch (ProviderEventGoneException)
            {
                // Removed here too, and committed: then NotFound.
                await RemoveAsync(call, ct);
                return null;
            }

            call.StartsAt = start;
            call.EndsAt = end;
            call.UpdatedAt = time.GetUtcNow();
            db.AddEvent(new CallRescheduled
            {
                AgentId = agentId.ToString(),
                EventId = call.Id.ToString(),
                ClientId = call.ClientId!.Value.ToString(),
                StartsAt = Timestamp.FromDateTimeOffset(start),
                EndsAt = Timestamp.FromDateTimeOffset(end),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A sync removed the row meanwhile (the event was deleted in Google Calendar): there is no call to move.
                db.ChangeTracker.Clear();
                throw RpcErrors.NotFound("call (it was deleted in Google Calendar)");
            }

            return call;
        }, cancellationToken);
        await BusyTimes.InvalidateAsync(redis, agentId);
        return moved is null ? throw RpcErrors.NotFound("call (it was deleted in Google Calendar)") : EventMessages.ToMessage(moved);
    }

    public async Task CancelAsync(Guid agentId, CancelCallRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var eventId = ReadEventId(request.EventId, violations);
        violations.ThrowIfAny();

        var call = await FindCallAsync(agentId, eventId, cancellationToken);
        await providers.For(call.Provider).DeleteAsync(call, cancellationToken);
        await RemoveAsync(call, cancellationToken);
    }

    private async Task RemoveAsync(CachedEvent call, CancellationToken cancellationToken)
    {
        db.Events.Remove(call);
        db.AddEvent(new CallCancelled { AgentId = call.AgentId.ToString(), EventId = call.Id.ToString(), ClientId = call.ClientId!.Value.ToString() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A sync removed the row first (and announced the call cancelled): it is gone either way.
            db.ChangeTracker.Clear();
        }

        await AfterCommit.RunAsync(db, () => BusyTimes.InvalidateAsync(redis, call.AgentId));
    }

    private async Task<CachedEvent> FindCallAsync(Guid agentId, Guid eventId, CancellationToken cancellationToken) =>
        await db.Events.FirstOrDefaultAsync(e => e.AgentId == agentId && e.Id == eventId && e.ClientId != null, cancellationToken)
        ?? throw RpcErrors.NotFound("call");

    private static Guid ReadEventId(string value, FieldViolations violations)
    {
        if (!Guid.TryParse(value, out var id))
        {
            violations.Add("eventId", "must be an event id.");
        }

        return id;
    }
}
