using AgentCalls.Clients.Service.Data;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;

namespace AgentCalls.Calendar.Tests;

/// <summary>
/// The real Clients.Service on a loopback port, as Calendar.Service calls it over gRPC to read the client a call is
/// with, on a database of its own, trusting the given Identity. Its event consumers read as a group of their own.
/// </summary>
public sealed class ClientsServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<ClientsDbContext> factory;

    private ClientsServer(WebApplicationFactory<ClientsDbContext> factory, Uri grpcAddress)
    {
        this.factory = factory;
        GrpcAddress = grpcAddress;
        Channel = GrpcChannel.ForAddress(grpcAddress);
    }

    public Uri GrpcAddress { get; }

    public GrpcChannel Channel { get; }

    public ClientsClient Clients => new(Channel);

    public static async Task<ClientsServer> StartAsync(DatabaseServers servers, Uri issuer)
    {
        var database = await servers.CreateDatabaseAsync("clients_for_calendar");
        var grpcPort = FreePort.Next();
        var factory = new WebApplicationFactory<ClientsDbContext>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("ConnectionStrings:clientsdb", database);
            host.UseSetting("ConnectionStrings:redis", servers.RedisConnectionString);
            host.UseSetting("Auth:Issuer", issuer.ToString());
            host.UseSetting("Eventing:ServiceName", $"clients-calendar-tests-{Guid.NewGuid():N}");
            host.UseSetting("Kestrel:Endpoints:http:Url", $"http://127.0.0.1:{FreePort.Next()}");
            host.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{grpcPort}");
        });
        factory.UseKestrel();
        factory.StartServer();
        return new ClientsServer(factory, new Uri($"http://127.0.0.1:{grpcPort}"));
    }

    /// <summary>A new client of <paramref name="agent"/>'s with one mobile number.</summary>
    public async Task<Contracts.Clients.V1.Client> CreateAsync(SignedInAgent agent, string name, string phone = "+12125550123", bool doNotCall = false)
    {
        var client = new Contracts.Clients.V1.Client { DisplayName = name, DoNotCall = doNotCall };
        client.Phones.Add(new Contracts.Clients.V1.Phone { Number = phone, Type = Contracts.Clients.V1.PhoneType.Mobile });
        return await Clients.CreateClientAsync(new() { Client = client }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await factory.DisposeAsync();
    }
}
