using AgentCalls.Clients.Service.History;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using ClientsBase = AgentCalls.Contracts.Clients.V1.Clients.ClientsBase;

namespace AgentCalls.Clients.Service.Clients;

public sealed class ClientsGrpcService(CurrentAgent agent, ClientSearch search, ClientReader reader, ClientWriter writer, ClientHistory history) : ClientsBase
{
    public override Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context) =>
        search.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Client> GetClient(GetClientRequest request, ServerCallContext context) =>
        reader.GetAsync(agent.Id, request.ClientId, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Client> CreateClient(CreateClientRequest request, ServerCallContext context) =>
        writer.CreateAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Client> UpdateClient(UpdateClientRequest request, ServerCallContext context) =>
        writer.UpdateAsync(agent.Id, request, context.CancellationToken);

    public override async Task<DeleteClientResponse> DeleteClient(DeleteClientRequest request, ServerCallContext context)
    {
        await writer.DeleteAsync(agent.Id, request, context.CancellationToken);
        return new DeleteClientResponse();
    }

    public override Task<ListClientHistoryResponse> ListClientHistory(ListClientHistoryRequest request, ServerCallContext context) =>
        history.ListAsync(agent.Id, request, context.CancellationToken);
}
