using AgentCalls.Clients.Service.Data;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;

namespace AgentCalls.Calendar.Tests;

/// <summary>
/// The real Clients.Service on a loopback port, as Calendar.Service calls it over gRPC to read the client a call is
/// with, on a database of its own, trusting the given Identity. Its event consumers read as a group of their own.
/// </summary>
public sealed class ClientsServer(LoopbackService<ClientsDbContext> service) : IAsyncDisposable
{
    public Uri GrpcAddress => service.GrpcAddress;

    public GrpcChannel Channel => service.Channel;

    public ClientsClient Clients => new(Channel);

    public static async Task<ClientsServer> StartAsync(DatabaseServers servers, Uri issuer) =>
        new(LoopbackService<ClientsDbContext>.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:clientsdb"] = await servers.CreateDatabaseAsync("clients_for_calendar"),
            ["ConnectionStrings:redis"] = servers.RedisConnectionString,
            ["Auth:Issuer"] = issuer.ToString(),
            ["Eventing:ServiceName"] = $"clients-calendar-tests-{Guid.NewGuid():N}",
        }));

    /// <summary>A new client of <paramref name="agent"/>'s with one mobile number.</summary>
    public async Task<Contracts.Clients.V1.Client> CreateAsync(SignedInAgent agent, string name, string phone = "+12125550123", bool doNotCall = false)
    {
        var client = new Contracts.Clients.V1.Client { DisplayName = name, DoNotCall = doNotCall };
        client.Phones.Add(new Contracts.Clients.V1.Phone { Number = phone, Type = Contracts.Clients.V1.PhoneType.Mobile });
        return await Clients.CreateClientAsync(new() { Client = client }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => service.DisposeAsync();
}
