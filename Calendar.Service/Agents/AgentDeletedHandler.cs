using AgentCalls.Calendar.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Agents;

/// <summary>A deleted agent's cached calendar is erased.</summary>
public sealed class AgentDeletedHandler(CalendarDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        await db.Events.Where(e => e.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
