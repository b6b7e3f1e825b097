using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using Client = AgentCalls.Clients.Service.Clients.Client;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;

namespace AgentCalls.Clients.Tests;

/// <summary>Clients.Service on its own database, with the real Identity, for this test assembly.</summary>
public sealed class ClientsServiceHost() : ServiceHost<ClientsDbContext>("clientsdb")
{
    public ClientsClient Clients => new(Channel);

    /// <summary>Adds clients (and policies) straight to the service's database.</summary>
    public Task AddAsync(params IEnumerable<object> rows) =>
        Services.AddRowsAsync<ClientsDbContext>(rows, TestContext.Current.CancellationToken);

    /// <summary>Adds one client of <paramref name="agent"/> per name, in the order given.</summary>
    public async Task<Client[]> AddClientsAsync(SignedInAgent agent, params string[] names)
    {
        var clients = names.Select(name => new Client { AgentId = agent.AgentId, DisplayName = name }).ToArray();
        await AddAsync(clients);
        return clients;
    }

    public async Task<ListClientsResponse> ListAsync(SignedInAgent agent, int pageSize = 0, string pageToken = "") =>
        await Clients.ListClientsAsync(
            new ListClientsRequest { PageSize = pageSize, PageToken = pageToken }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
}
