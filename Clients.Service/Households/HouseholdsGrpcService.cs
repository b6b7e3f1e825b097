using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using HouseholdsBase = AgentCalls.Contracts.Clients.V1.Households.HouseholdsBase;

namespace AgentCalls.Clients.Service.Households;

public sealed class HouseholdsGrpcService(CurrentAgent agent, HouseholdBook book) : HouseholdsBase
{
    public override Task<ListHouseholdsResponse> ListHouseholds(ListHouseholdsRequest request, ServerCallContext context) =>
        book.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Household> CreateHousehold(CreateHouseholdRequest request, ServerCallContext context) =>
        book.CreateAsync(agent.Id, request, context.CancellationToken);

    public override async Task<DeleteHouseholdResponse> DeleteHousehold(DeleteHouseholdRequest request, ServerCallContext context)
    {
        await book.DeleteAsync(agent.Id, request, context.CancellationToken);
        return new DeleteHouseholdResponse();
    }
}
