using AgentCalls.Calendar.Service.Providers;
using AgentCalls.Contracts.Clients.V1;
using Grpc.Core;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>
/// Reads the client a call is with from Clients.Service, as the agent making the request (their token goes along),
/// so another agent's client is NotFound here as it is there.
/// </summary>
public sealed class ClientDirectory(ClientsClient clients, IHttpContextAccessor http)
{
    public async Task<ClientCard> GetAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "Authorization", http.HttpContext?.Request.Headers.Authorization.ToString() ?? "" } };
        try
        {
            return ClientCard.From(await clients.GetClientAsync(new GetClientRequest { ClientId = clientId.ToString() }, headers, cancellationToken: cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw RpcErrors.NotFound("client");
        }
    }
}

/// <summary>What a call needs of its client: whom to call, at which number, and whether they may be called.</summary>
public sealed record ClientCard(Guid Id, string Name, string Phone, bool DoNotCall)
{
    /// <summary>The first phone number is the one to call (Clients keeps them in E.164).</summary>
    public static ClientCard From(Client client) =>
        new(Guid.Parse(client.ClientId), client.DisplayName, client.Phones.FirstOrDefault()?.Number ?? "", client.DoNotCall);
}
