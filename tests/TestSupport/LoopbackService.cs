using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AgentCalls.TestSupport;

/// <summary>
/// A real service (the one whose assembly holds <typeparamref name="TMarker"/>) on loopback ports, in Development, for
/// another service under test to call over gRPC as it calls it when deployed; its settings are the caller's.
/// </summary>
public sealed class LoopbackService<TMarker> : IAsyncDisposable where TMarker : class
{
    private readonly WebApplicationFactory<TMarker> factory;

    private LoopbackService(WebApplicationFactory<TMarker> factory, Uri grpcAddress)
    {
        this.factory = factory;
        GrpcAddress = grpcAddress;
        Channel = GrpcChannel.ForAddress(grpcAddress);
    }

    public Uri GrpcAddress { get; }

    public GrpcChannel Channel { get; }

    public IServiceProvider Services => factory.Services;

    public static LoopbackService<TMarker> Start(IReadOnlyDictionary<string, string> settings)
    {
        var grpcPort = FreePort.Next();
        var factory = new WebApplicationFactory<TMarker>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            host.UseSetting("Kestrel:Endpoints:http:Url", $"http://127.0.0.1:{FreePort.Next()}");
            host.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{grpcPort}");
        });
        factory.UseKestrel();
        factory.StartServer();
        return new LoopbackService<TMarker>(factory, new Uri($"http://127.0.0.1:{grpcPort}"));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await factory.DisposeAsync();
    }
}
