using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Identity.Service.Data;
using AgentCalls.Identity.Service.GoogleAccounts;
using AgentCalls.Eventing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace AgentCalls.Identity.Service.Agents;

/// <summary>
/// Deletes an agent's account: revokes the Google grant at Google, then, in one transaction, erases everything
/// Identity holds for the agent (tokens, authorizations, the Google connection, the agent) and publishes
/// <see cref="AgentDeleted"/> so every other service erases its own rows of the agent.
/// </summary>
public sealed class AccountDeletion(IdentityDbContext db, GoogleTokenVault vault, TimeProvider time)
{
    public async Task<bool> DeleteAsync(Guid agentId, CancellationToken cancellationToken)
    {
        if (await vault.FindAsync(agentId, cancellationToken) is { } connection)
        {
            await vault.RevokeAtGoogleAsync(connection, cancellationToken);
        }

        var subject = agentId.ToString();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var deleted = await db.Agents.Where(a => a.Id == agentId).ExecuteDeleteAsync(ct);
            if (deleted == 0)
            {
                return false;
            }

            await db.GoogleConnections.Where(c => c.AgentId == agentId).ExecuteDeleteAsync(ct);
            await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject).ExecuteDeleteAsync(ct);
            await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject).ExecuteDeleteAsync(ct);
            db.AddEvent(new AgentDeleted { AgentId = subject, DeletedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }
}
