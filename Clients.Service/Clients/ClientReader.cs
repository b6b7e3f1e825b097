using AgentCalls.Clients.Service.Data;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>Reads one of the agent's clients, with its policies, household name and next scheduled call.</summary>
public sealed class ClientReader(ClientsDbContext db, TimeProvider time)
{
    public async Task<Proto.Client> GetAsync(Guid agentId, string clientId, CancellationToken cancellationToken)
    {
        var id = ResourceId.Require(clientId, "clientId");
        return await FindAsync(agentId, id, cancellationToken) ?? throw RpcErrors.NotFound("client");
    }

    public async Task<Proto.Client?> FindAsync(Guid agentId, Guid clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await db.Clients.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.Id == clientId)
            .Select(c => new
            {
                Client = c,
                Policies = c.Policies.ToList(),
                Household = db.Households.Where(h => h.Id == c.HouseholdId).Select(h => h.Name).FirstOrDefault(),
                NextCall = db.ScheduledCalls.Where(s => s.ClientId == c.Id && s.StartsAt >= now).Min(s => (DateTimeOffset?)s.StartsAt),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        found.Client.Policies.AddRange(found.Policies);
        return ClientMapping.ToProto(found.Client, found.Household, found.NextCall);
    }
}
