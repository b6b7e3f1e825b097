using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// The agent disconnected Google Calendar: the copy of it and the sync state go (the grant is revoked already, so
/// its push channel cannot be stopped; Google ends it at expiry and its notifications find no calendar here). The
/// calls that were on it are announced cancelled, since AgentCalls no longer sees them. New calls go to the local
/// calendar. Saved by the caller.
/// </summary>
public static class GoogleCalendarForgetting
{
    public static async Task ForgetAsync(CalendarDbContext db, Guid agentId, CancellationToken cancellationToken)
    {
        var calls = await db.Events.AsNoTracking()
            .Where(e => e.AgentId == agentId && e.Provider == GoogleCalendarProvider.ProviderName && e.ClientId != null)
            .Select(e => new { e.Id, e.ClientId })
            .ToListAsync(cancellationToken);
        await db.Events.Where(e => e.AgentId == agentId && e.Provider == GoogleCalendarProvider.ProviderName).ExecuteDeleteAsync(cancellationToken);
        await db.GoogleSyncs.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        foreach (var call in calls)
        {
            db.AddEvent(new CallCancelled { AgentId = agentId.ToString(), EventId = call.Id.ToString(), ClientId = call.ClientId!.Value.ToString() });
        }
    }
}
