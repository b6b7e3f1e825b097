using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Agents;

/// <summary>A deleted agent's book of business is erased: imports, history, calls, settings, policies, clients, households.</summary>
public sealed class AgentDeletedHandler(ClientsDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        // Import chunks, errors and preview rows go with their import (cascade).
        await db.Imports.Where(i => i.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.History.Where(h => h.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.ScheduledCalls.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.BookSettings.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Policies.Where(p => p.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Clients.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Households.Where(h => h.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
