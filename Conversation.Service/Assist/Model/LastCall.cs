using AgentCalls.Conversation.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>The agent's last logged call with the client, as the models are told of it.</summary>
public sealed record LastCall(DateTimeOffset StartedAt, string? Outcome, string? Summary, IReadOnlyList<string> Notes)
{
    /// <summary>The newest call log of <paramref name="agentId"/>'s with the client, or null when there is none.</summary>
    public static async Task<LastCall?> FindAsync(ConversationDbContext db, Guid agentId, Guid clientId, CancellationToken cancellationToken) =>
        await db.CallLogs.AsNoTracking()
            .Where(l => l.AgentId == agentId && l.ClientId == clientId)
            .OrderByDescending(l => l.StartedAt)
            .Select(l => new LastCall(l.StartedAt, l.Outcome, l.Summary, l.Notes))
            .FirstOrDefaultAsync(cancellationToken);
}
