using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AgentCalls.TestSupport;

/// <summary>
/// One service under test, in process, on a database of its own, validating real tokens from the real
/// Identity (which this fixture also runs). <typeparamref name="TMarker"/> is any type of the service's assembly.
/// </summary>
public abstract class ServiceHost<TMarker>(string connectionName) : IdentityHost where TMarker : class
{
    private WebApplicationFactory<TMarker>? factory;

    public string ServiceDatabaseConnectionString { get; private set; } = "";

    /// <summary>gRPC to the service (over the test server's HTTP/2).</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The service's REST face (gRPC JSON transcoding), as the gateway sees it.</summary>
    public HttpClient Rest { get; private set; } = null!;

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Not started.");

    /// <summary>A WebSocket client to the service (over the test server).</summary>
    public Microsoft.AspNetCore.TestHost.WebSocketClient CreateWebSocketClient() =>
        factory?.Server.CreateWebSocketClient() ?? throw new InvalidOperationException("Not started.");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await BeforeServiceStartsAsync();
        ServiceDatabaseConnectionString = await Servers.CreateDatabaseAsync(connectionName);
        factory = CreateInstance();
        Rest = factory.CreateClient();
        Channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
    }

    /// <summary>
    /// A process of the service as this host runs it, on this host's database; <paramref name="configure"/> may change
    /// settings (another database, other timeouts). Tests use it for a replica, or for the service started again.
    /// </summary>
    public WebApplicationFactory<TMarker> CreateInstance(Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<TMarker>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting($"ConnectionStrings:{connectionName}", ServiceDatabaseConnectionString);
            host.UseSetting("ConnectionStrings:redis", Servers.RedisConnectionString);
            host.UseSetting("Auth:Issuer", Issuer.ToString());
            ConfigureService(host);
            configure?.Invoke(host);
        });

    /// <summary>What a suite starts before the service: other services it calls (Identity is running by then).</summary>
    protected virtual Task BeforeServiceStartsAsync() => Task.CompletedTask;

    /// <summary>Extra settings a suite needs.</summary>
    protected virtual void ConfigureService(IWebHostBuilder host)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        Rest?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
