using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Identity's word on the agent's Google connection: connected (or reconnected) starts a sync now (a full one the
/// first time); disconnected forgets the copy of the calendar.
/// </summary>
public sealed class GoogleConnectionHandlers(CalendarDbContext db, SyncSignal signal, IConnectionMultiplexer redis, TimeProvider time)
    : IEventHandler<GoogleCalendarConnected>, IEventHandler<GoogleCalendarDisconnected>
{
    public async Task HandleAsync(GoogleCalendarConnected @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(@event.AgentId, out var agentId))
        {
            await GoogleSyncEnrolment.EnrolAsync(db, agentId, time.GetUtcNow(), cancellationToken);
            signal.Notify();
        }
    }

    public async Task HandleAsync(GoogleCalendarDisconnected @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(@event.AgentId, out var agentId))
        {
            await GoogleCalendarForgetting.ForgetAsync(db, agentId, cancellationToken);
            await Slots.BusyTimes.InvalidateAsync(redis, agentId);
        }
    }
}

/// <summary>Puts an agent's Google Calendar in line for a sync now; a calendar waiting for a reconnect starts again.</summary>
public static class GoogleSyncEnrolment
{
    public static async Task EnrolAsync(CalendarDbContext db, Guid agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.GoogleSyncs.FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken);
        if (state is null)
        {
            db.GoogleSyncs.Add(new GoogleSync { AgentId = agentId, NextSyncAt = now, UpdatedAt = now });
            return;
        }

        if (state.State == GoogleSyncState.ReconnectRequired)
        {
            state.State = state.SyncToken is null ? GoogleSyncState.FullSync : GoogleSyncState.Synced;
            state.LastError = null;
        }

        state.NextSyncAt = now;
        state.UpdatedAt = now;
    }
}
