using Aspire.Hosting.Testing;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using StackExchange.Redis;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// The AppHost's Postgres and Redis sign their clients in: a local process without the generated passwords can neither
/// read the services' data nor publish an event (an <c>AgentDeleted</c> would erase an agent everywhere).
/// </summary>
public sealed class DataStoreSignInTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventStream_ClientWithoutThePassword_IsRefusedWhileTheServicesOwnConnectionPublishes()
    {
        var redis = system.App.GetEndpoint("redis", "tcp");
        await using var service = await ConnectionMultiplexer.ConnectAsync(await system.App.GetConnectionStringAsync("redis", Cancel) ?? "");

        // Raw RESP, as any local process could send it: a client library would only report a failed handshake.
        using var stranger = new TcpClient();
        await stranger.ConnectAsync(redis.Host, redis.Port, Cancel);
        await using var stream = stranger.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("XADD events * type AgentDeleted\r\n"), Cancel);
        var reply = await new StreamReader(stream, Encoding.ASCII).ReadLineAsync(Cancel);
        var published = await service.GetDatabase().StreamAddAsync("agentcalls-test-stream", "type", "Probe");

        Assert.StartsWith("-NOAUTH", reply, StringComparison.Ordinal);
        Assert.False(published.IsNull);
    }

    [Fact]
    public async Task Database_WrongPassword_IsRefusedWhileTheAppHostsConnectionStringOpens()
    {
        var owned = new NpgsqlConnectionStringBuilder(await system.App.GetConnectionStringAsync("clientsdb", Cancel)) { Pooling = false };
        var stranger = new NpgsqlConnectionStringBuilder(owned.ConnectionString) { Password = "guessed" };

        await using var strangerConnection = new NpgsqlConnection(stranger.ConnectionString);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => strangerConnection.OpenAsync(Cancel));
        await using var ownedConnection = new NpgsqlConnection(owned.ConnectionString);
        await ownedConnection.OpenAsync(Cancel);

        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
        Assert.Equal(System.Data.ConnectionState.Open, ownedConnection.State);
    }
}
