using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Agents;

/// <summary>
/// A deleted agent's book of business is erased: imports, history, calls, settings, policies, clients, households,
/// the call queue's ranking, and the words of the lexicon that only this agent's clients had.
/// </summary>
public sealed class AgentDeletedHandler(ClientsDbContext db) : IEventHandler<AgentDeleted>
{
    public async Task HandleAsync(AgentDeleted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(@event.AgentId);
        var words = await db.Database.SqlQuery<string>($"""
            SELECT DISTINCT w.word AS "Value" FROM clients AS c, unnest(tsvector_to_array(c.search_vector)) AS w(word)
            WHERE c.agent_id = {agentId}
            """).ToArrayAsync(cancellationToken);
        // Import chunks, errors and preview rows go with their import (cascade).
        await db.Imports.Where(i => i.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.History.Where(h => h.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.ScheduledCalls.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.BookSettings.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Policies.Where(p => p.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Clients.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        await db.Households.Where(h => h.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        // After the clients: deleting them marked them stale. A word is looked up as a whole lexeme, by the full-text index.
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM call_queue_stale WHERE agent_id = {agentId};
            DELETE FROM call_queue_entries WHERE agent_id = {agentId};
            DELETE FROM call_queue_rankings WHERE agent_id = {agentId};
            DELETE FROM search_words AS w WHERE w.word = ANY ({words})
              AND NOT EXISTS (SELECT 1 FROM clients AS c WHERE c.search_vector @@ to_tsquery('simple', quote_literal(w.word)));
            """, cancellationToken);
    }
}
