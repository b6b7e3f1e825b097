using AgentCalls.Conversation.Service.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Conversation.Service.Assist.Playbooks;

/// <summary>
/// An agent's playbook: read (seeded with the defaults on first use), one card changed, or all put back. Another
/// agent's card, or an id that is not one, is NotFound.
/// </summary>
public sealed class PlaybookLibrary(ConversationDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PlaybookCard>> ListAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var cards = await ReadAsync(agentId, cancellationToken);
        if (cards.Count > 0)
        {
            return cards;
        }

        db.PlaybookCards.AddRange(DefaultPlaybook.NewCards(agentId, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request seeded them first; its cards are the agent's.
            db.ChangeTracker.Clear();
        }

        return await ReadAsync(agentId, cancellationToken);
    }

    public async Task<PlaybookCard> UpdateAsync(Guid agentId, string cardId, PlaybookCardInput input, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(cardId, out var parsed) ? parsed : throw RpcErrors.NotFound("playbook card");
        var card = await db.PlaybookCards.FirstOrDefaultAsync(c => c.AgentId == agentId && c.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("playbook card");
        card.Title = input.Title;
        card.Guidance = input.Guidance;
        card.Examples = [.. input.Examples];
        card.Enabled = input.Enabled;
        card.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return card;
    }

    public async Task<IReadOnlyList<PlaybookCard>> ResetAsync(Guid agentId, CancellationToken cancellationToken)
    {
        // One transaction, so the agent never has no playbook; the execution strategy may run it again after a transient fault.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.PlaybookCards.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(ct);
            db.PlaybookCards.AddRange(DefaultPlaybook.NewCards(agentId, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return await ReadAsync(agentId, cancellationToken);
    }

    private Task<List<PlaybookCard>> ReadAsync(Guid agentId, CancellationToken cancellationToken) =>
        db.PlaybookCards.AsNoTracking().Where(c => c.AgentId == agentId).OrderBy(c => c.Ordinal).ThenBy(c => c.Id).ToListAsync(cancellationToken);
}
