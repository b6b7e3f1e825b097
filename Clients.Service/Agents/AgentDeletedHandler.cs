using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Agents;

/// <summary>A deleted agent's book of business is erased: policies, then clients.</summary>
public sealed class AgentDeletedHandler(ClientsDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        await db.Policies.Where(p => p.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Clients.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
