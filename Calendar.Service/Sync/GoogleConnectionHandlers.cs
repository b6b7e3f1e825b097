using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing;
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
            // In the consumer's transaction; the busy times are made stale once it commits.
            await GoogleCalendarForgetting.ForgetAsync(db, redis, agentId, cancellationToken);
        }
    }
}

/// <summary>
/// Puts an agent's Google Calendar in line for a sync now; a calendar waiting for a reconnect starts again. Runs at
/// once (not on SaveChanges), and is safe when the event and a status read enrol the same agent together.
/// </summary>
public static class GoogleSyncEnrolment
{
    public static async Task EnrolAsync(CalendarDbContext db, Guid agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fullSync = nameof(GoogleSyncState.FullSync);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO google_syncs (agent_id, calendar_id, state, generation, full_sync_events, full_sync_pages, next_sync_at, updated_at)
            VALUES ({agentId}, 'primary', {fullSync}, 0, 0, 0, {now}, {now})
            ON CONFLICT (agent_id) DO NOTHING
            """, cancellationToken);
        await db.GoogleSyncs.Where(s => s.AgentId == agentId && s.State == GoogleSyncState.ReconnectRequired)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, x => x.SyncToken == null ? GoogleSyncState.FullSync : GoogleSyncState.Synced)
                .SetProperty(x => x.LastError, (string?)null), cancellationToken);
        await db.GoogleSyncs.Where(s => s.AgentId == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextSyncAt, now).SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }
}
