using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Households;

/// <summary>The agent's households: listed with their member counts, created by name, deleted (members stay).</summary>
public sealed class HouseholdBook(ClientsDbContext db)
{
    public const int MaxNameLength = 200;

    public async Task<Proto.ListHouseholdsResponse> ListAsync(Guid agentId, Proto.ListHouseholdsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<string>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();

        var query = db.Households.AsNoTracking().Where(h => h.AgentId == agentId);
        if (after is not null)
        {
            query = query.Where(h => EF.Functions.GreaterThan(ValueTuple.Create(h.NormalizedName, h.Id), ValueTuple.Create(after.SortKey, after.Id)));
        }

        var households = await query
            .OrderBy(h => h.NormalizedName).ThenBy(h => h.Id)
            .Take(pageSize + 1)
            .Select(h => new { h.Id, h.Name, h.NormalizedName, MemberCount = db.Clients.Count(c => c.HouseholdId == h.Id) })
            .ToListAsync(cancellationToken);
        var response = new Proto.ListHouseholdsResponse();
        response.Households.AddRange(households.Take(pageSize).Select(h => new Proto.Household
        {
            HouseholdId = h.Id.ToString(),
            Name = h.Name,
            MemberCount = h.MemberCount,
        }));
        if (households.Count > pageSize)
        {
            var last = households[pageSize - 1];
            response.NextPageToken = new PageToken<string>(last.NormalizedName, last.Id).Encode();
        }

        return response;
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
            throw RpcErrors.NotFound("household");
        }
    }
}
