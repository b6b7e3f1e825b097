using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Agents;

/// <summary>A deleted agent's calls, call logs, documents and playbook are erased; the calls followed on this process are dropped unsaved.</summary>
public sealed class AgentDeletedHandler(ConversationDbContext db, CallSessions calls) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        foreach (var call in calls.OfAgent(agentId))
        {
            call.TryClaimSave();
            calls.Remove(call);
        }

        // Transcript lines go with their calls (cascade).
        await db.Calls.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.CallLogs.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        // Passages go with their documents (cascade).
        await db.Documents.Where(d => d.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.PlaybookCards.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
