using AgentCalls.TestSupport;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>A Redis server of one test's own, which the test stops and starts again on the same port and data.</summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "agentcalls-eventing-redis-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int port = FreePort.Next();
    private LocalServerProcess? server;

    /// <summary>Short client timeouts only make an outage quick to notice and the reconnection quick to happen.</summary>
    public string ConnectionString => $"{DatabaseServers.RedisConnectionStringFor(port)},syncTimeout=500,asyncTimeout=500,connectTimeout=1000";

    public async Task StartAsync() => server ??= await DatabaseServers.StartRedisAsync(directory, port);

    public async Task StopAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
