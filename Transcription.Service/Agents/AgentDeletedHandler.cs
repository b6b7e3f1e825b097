using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing;
using AgentCalls.Transcription.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Service.Agents;

/// <summary>A deleted agent's transcription jobs, metered usage and settings are erased.</summary>
public sealed class AgentDeletedHandler(TranscriptionDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        await db.Usage.Where(u => u.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Jobs.Where(j => j.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.SpeechSettings.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
    }
}
