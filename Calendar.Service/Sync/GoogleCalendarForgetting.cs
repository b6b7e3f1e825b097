using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Calendar.Service.Slots;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// The agent disconnected Google Calendar: the copy of it and the sync state go, and the calls that were on it are
/// announced cancelled (AgentCalls no longer sees them) in the same transaction, so the copy is never gone without
/// the news; new calls go to the local calendar. The cached busy times are made stale once that commits. In the
/// caller's transaction if one is open (an event consumer's), else in its own. The push channel is not stopped: the
/// grant is revoked before Calendar hears of the disconnect, so no token can stop it; Google ends it at its expiry,
/// and its notifications meanwhile find no calendar here (404).
/// </summary>
public static class GoogleCalendarForgetting
{
    public static async Task ForgetAsync(CalendarDbContext db, IConnectionMultiplexer redis, Guid agentId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await ForgetInTransactionAsync(db, redis, agentId, cancellationToken);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ForgetInTransactionAsync(db, redis, agentId, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private static async Task ForgetInTransactionAsync(CalendarDbContext db, IConnectionMultiplexer redis, Guid agentId, CancellationToken cancellationToken)
    {
        var provider = GoogleCalendarProvider.ProviderName;
        var removed = await db.Database.SqlQuery<RemovedEvent>($"""
            DELETE FROM cached_events WHERE agent_id = {agentId} AND provider = {provider}
            RETURNING id, client_id
            """).ToListAsync(cancellationToken);
        await db.GoogleSyncs.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        foreach (var call in removed.Where(r => r.ClientId is not null))
        {
            db.AddEvent(new CallCancelled { AgentId = agentId.ToString(), EventId = call.Id.ToString(), ClientId = call.ClientId!.Value.ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
        await AfterCommit.RunAsync(db, () => BusyTimes.InvalidateAsync(redis, agentId));
    }

    private sealed record RemovedEvent(Guid Id, Guid? ClientId);
}
