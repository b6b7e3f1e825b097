using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using PoliciesBase = AgentCalls.Contracts.Clients.V1.Policies.PoliciesBase;

namespace AgentCalls.Clients.Service.Policies;

public sealed class PoliciesGrpcService(CurrentAgent agent, PolicyReader reader, PolicyWriter writer) : PoliciesBase
{
    public override Task<ListPoliciesResponse> ListPolicies(ListPoliciesRequest request, ServerCallContext context) =>
        reader.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Policy> GetPolicy(GetPolicyRequest request, ServerCallContext context) =>
        reader.GetAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Policy> CreatePolicy(CreatePolicyRequest request, ServerCallContext context) =>
        writer.CreateAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Policy> UpdatePolicy(UpdatePolicyRequest request, ServerCallContext context) =>
        writer.UpdateAsync(agent.Id, request, context.CancellationToken);

    public override async Task<DeletePolicyResponse> DeletePolicy(DeletePolicyRequest request, ServerCallContext context)
    {
        await writer.DeleteAsync(agent.Id, request, context.CancellationToken);
        return new DeletePolicyResponse();
    }
}
