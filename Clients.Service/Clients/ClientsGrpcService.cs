using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using ClientsBase = AgentCalls.Contracts.Clients.V1.Clients.ClientsBase;

namespace AgentCalls.Clients.Service.Clients;

public sealed class ClientsGrpcService(CurrentAgent agent, ClientListing listing) : ClientsBase
{
    public override Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context) =>
        listing.ListAsync(agent.Id, request, context.CancellationToken);
}
