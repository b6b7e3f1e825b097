using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>Pages through one agent's clients by name, with a keyset cursor.</summary>
public sealed class ClientListing(ClientsDbContext db)
{
    public async Task<ListClientsResponse> ListAsync(Guid agentId, ListClientsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<string>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();

        var query = db.Clients.AsNoTracking().Where(c => c.AgentId == agentId);
        if (after is not null)
        {
            query = query.Where(c => EF.Functions.GreaterThan(
                ValueTuple.Create(c.DisplayName, c.Id),
                ValueTuple.Create(after.SortKey, after.Id)));
        }

        var rows = await query
            .OrderBy(c => c.DisplayName).ThenBy(c => c.Id)
            .Take(pageSize + 1)
            .Select(c => new { c.Id, c.DisplayName, c.Email, c.Phone, PolicyCount = c.Policies.Count, c.CreatedAt })
            .ToListAsync(cancellationToken);

        var response = new ListClientsResponse();
        response.Clients.AddRange(rows.Take(pageSize).Select(c => new ClientSummary
        {
            ClientId = c.Id.ToString(),
            DisplayName = c.DisplayName,
            Email = c.Email ?? "",
            Phone = c.Phone ?? "",
            PolicyCount = c.PolicyCount,
            CreatedAt = Timestamp.FromDateTimeOffset(c.CreatedAt),
        }));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = new PageToken<string>(last.DisplayName, last.Id).Encode();
        }

        return response;
    }
}
