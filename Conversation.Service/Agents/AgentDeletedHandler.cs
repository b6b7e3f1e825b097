using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Agents;

/// <summary>A deleted agent's call logs and documents are erased.</summary>
public sealed class AgentDeletedHandler(ConversationDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        await db.CallLogs.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        // Passages go with their documents (cascade).
        await db.Documents.Where(d => d.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
