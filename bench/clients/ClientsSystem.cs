using System.Globalization;
using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;
using Grpc.Net.Client;
using Npgsql;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// What the benchmark runs on: a throwaway Postgres and Redis (TestSupport's, fsync off as in the tests), the real
/// Identity in this process (tokens for real agents), and Clients.Service as its own Release process on loopback
/// ports, which applies its EF migrations at start. Everything stops and the data is removed, whatever happens.
/// </summary>
public sealed class ClientsSystem : IAsyncDisposable
{
    private readonly DatabaseServers servers = new();
    private IdentityServerInstance? identity;
    private ServiceProcess? service;

    private ClientsSystem()
    {
    }

    public ServiceProcess Service => service!;

    /// <summary>clientsdb, as the service's own connection string names it.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    /// <summary>A database of its own on the same server, for the raw COPY baseline.</summary>
    public NpgsqlDataSource RawDatabase { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public static Task<ClientsSystem> StartAsync() => SystemStart.OrDisposeAsync(new ClientsSystem(), system => system.StartProcessesAsync());

    private async Task StartProcessesAsync()
    {
        await servers.InitializeAsync();
        identity = await BenchIdentity.StartAsync(servers);
        var clientsdb = await servers.CreateDatabaseAsync("clients");
        service = await ServiceProcess.StartAsync("Clients.Service", [
            new("ConnectionStrings__clientsdb", clientsdb),
            new("ConnectionStrings__redis", servers.RedisConnectionString),
            new("Auth__Issuer", identity.Issuer.ToString()),
            // The 1,000,000-row file is 236 MiB, past the service's default upload limit of 200 MiB.
            new("Import__MaxFileBytes", (512L * 1024 * 1024).ToString(CultureInfo.InvariantCulture)),
        ]);
        Database = NpgsqlDataSource.Create(clientsdb);
        RawDatabase = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync("rawcopy"));
        Channel = GrpcChannel.ForAddress(service.Ports.Grpc, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
    }

    /// <summary>A new agent signed in through Identity's development sign-in (OpenID Connect code flow with PKCE).</summary>
    public Task<SignedInAgent> SignInAsync(string name, CancellationToken cancellationToken) =>
        IdentityHost.SignInAsync(identity!.Issuer, name, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
            await RawDatabase.DisposeAsync();
        }

        if (service is not null)
        {
            await service.DisposeAsync();
        }

        if (identity is not null)
        {
            await identity.DisposeAsync();
        }

        await servers.DisposeAsync();
    }
}
