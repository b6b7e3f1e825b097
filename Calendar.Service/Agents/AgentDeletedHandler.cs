using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Agents;

/// <summary>A deleted agent's calendar is erased: events, settings, call requests, feed and Google sync state.</summary>
public sealed class AgentDeletedHandler(CalendarDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        await db.Events.Where(e => e.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Settings.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.CallRequests.Where(r => r.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Feeds.Where(f => f.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.GoogleSyncs.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
