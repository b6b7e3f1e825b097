using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Identity.Service.Data;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentCalls.Identity.Service.Agents;

/// <summary>Finds agents, and creates one (announcing it with <see cref="AgentRegistered"/>) on first sign-in.</summary>
public sealed class AgentDirectory(IdentityDbContext db)
{
    public Task<Agent?> FindAsync(Guid agentId, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken);

    /// <summary>The development sign-in's agent with this e-mail address, created with this name if there is none.</summary>
    public async Task<(Agent Agent, bool Created)> FindOrCreateAsync(string displayName, string email, CancellationToken cancellationToken)
    {
        var normalized = Agent.Normalize(email);
        var existing = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedEmail == normalized && a.GoogleSubject == null, cancellationToken);
        return existing is not null
            ? (existing, false)
            : await CreateAsync(new Agent { DisplayName = displayName.Trim(), Email = email.Trim(), NormalizedEmail = normalized }, cancellationToken);
    }

    /// <summary>The agent whose Google account this is (by Google's subject, never by e-mail), created on first sign-in.</summary>
    public async Task<Agent> FindOrCreateForGoogleAsync(string googleSubject, string email, string displayName, CancellationToken cancellationToken)
    {
        var existing = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.GoogleSubject == googleSubject, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var agent = new Agent { DisplayName = displayName.Trim(), Email = email.Trim(), NormalizedEmail = Agent.Normalize(email), GoogleSubject = googleSubject };
        return (await CreateAsync(agent, cancellationToken)).Agent;
    }

    private async Task<(Agent Agent, bool Created)> CreateAsync(Agent agent, CancellationToken cancellationToken)
    {
        db.Agents.Add(agent);
        db.AddEvent(new AgentRegistered
        {
            AgentId = agent.Id.ToString(),
            DisplayName = agent.DisplayName,
            Email = agent.Email,
            RegisteredAt = Timestamp.FromDateTimeOffset(agent.CreatedAt),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (agent, true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two first sign-ins raced; the other one created the agent.
            db.ChangeTracker.Clear();
            var winner = agent.GoogleSubject is { } subject
                ? await db.Agents.AsNoTracking().FirstAsync(a => a.GoogleSubject == subject, cancellationToken)
                : await db.Agents.AsNoTracking().FirstAsync(a => a.NormalizedEmail == agent.NormalizedEmail && a.GoogleSubject == null, cancellationToken);
            return (winner, false);
        }
    }
}
