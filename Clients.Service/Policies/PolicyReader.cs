using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Policies;

/// <summary>Reads the agent's policies; a client or policy of another agent is NotFound.</summary>
public sealed class PolicyReader(ClientsDbContext db)
{
    public async Task<Proto.ListPoliciesResponse> ListAsync(Guid agentId, Proto.ListPoliciesRequest request, CancellationToken cancellationToken)
    {
        var clientId = ResourceId.Require(request.ClientId, "clientId");
        if (!await db.Clients.AnyAsync(c => c.AgentId == agentId && c.Id == clientId, cancellationToken))
        {
            throw RpcErrors.NotFound("client");
        }

        var policies = await db.Policies.AsNoTracking().Where(p => p.AgentId == agentId && p.ClientId == clientId).ToListAsync(cancellationToken);
        var response = new Proto.ListPoliciesResponse();
        response.Policies.AddRange(PolicyOrder.Apply(policies).Select(PolicyMapping.ToProto));
        return response;
    }

    public async Task<Proto.Policy> GetAsync(Guid agentId, Proto.GetPolicyRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var clientId = ResourceId.Parse(request.ClientId, violations, "clientId");
        var policyId = ResourceId.Parse(request.PolicyId, violations, "policyId");
        violations.ThrowIfAny();
        var policy = await FindAsync(agentId, clientId, policyId, cancellationToken);
        return PolicyMapping.ToProto(policy ?? throw RpcErrors.NotFound("policy"));
    }

    public Task<Policy?> FindAsync(Guid agentId, Guid clientId, Guid policyId, CancellationToken cancellationToken) =>
        db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.AgentId == agentId && p.ClientId == clientId && p.Id == policyId, cancellationToken);
}
