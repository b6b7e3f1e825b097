using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Sync;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>
/// Which provider holds an agent's new calls: Google Calendar once the agent connected it (and it syncs), the
/// local calendar otherwise. An existing event stays with the provider it lives at.
/// </summary>
public sealed class CalendarProviders(CalendarDbContext db, LocalCalendarProvider local, GoogleCalendarProvider google)
{
    public async Task<ICalendarProvider> ForNewCallAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var state = await db.GoogleSyncs.AsNoTracking().Where(s => s.AgentId == agentId).Select(s => (GoogleSyncState?)s.State).FirstOrDefaultAsync(cancellationToken);
        return state switch
        {
            null => local,
            GoogleSyncState.ReconnectRequired => throw CalendarErrors.ReconnectRequired("Google no longer accepts AgentCalls' access."),
            _ => google,
        };
    }

    public ICalendarProvider For(string providerName) => providerName == GoogleCalendarProvider.ProviderName ? google : local;
}
