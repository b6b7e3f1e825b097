using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Values;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proto = AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.Households;

/// <summary>The agent's households: listed with their member counts, created by name, deleted (members stay).</summary>
public sealed class HouseholdBook(ClientsDbContext db)
{
    public const int MaxNameLength = 200;

    public async Task<Proto.ListHouseholdsResponse> ListAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var households = await db.Households.AsNoTracking()
            .Where(h => h.AgentId == agentId)
            .OrderBy(h => h.NormalizedName).ThenBy(h => h.Id)
            .Select(h => new Proto.Household
            {
                HouseholdId = h.Id.ToString(),
                Name = h.Name,
                MemberCount = db.Clients.Count(c => c.HouseholdId == h.Id),
            })
            .ToListAsync(cancellationToken);
        return new Proto.ListHouseholdsResponse { Households = { households } };
    }

    public async Task<Proto.Household> CreateAsync(Guid agentId, Proto.CreateHouseholdRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw FieldViolations.Single("name", $"is required, at most {MaxNameLength} characters.");
        }

        var household = new Household { AgentId = agentId, Name = name, NormalizedName = name.ToLowerInvariant() };
        db.Households.Add(household);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw FieldViolations.Single("name", "is already the name of one of your households.");
        }

        return new Proto.Household { HouseholdId = household.Id.ToString(), Name = household.Name };
    }

    public async Task DeleteAsync(Guid agentId, Proto.DeleteHouseholdRequest request, CancellationToken cancellationToken)
    {
        var id = ResourceId.Require(request.HouseholdId, "householdId");
        // The foreign key sets the members' household_id to null.
        if (await db.Households.Where(h => h.AgentId == agentId && h.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw ResourceId.NotFound("household");
        }
    }
}
