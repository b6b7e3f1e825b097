using Npgsql;
using StackExchange.Redis;
using Xunit;

namespace AgentCalls.TestSupport;

/// <summary>
/// The Postgres and Redis servers a test assembly uses: the ones named by <c>ConnectionStrings__postgres</c> and
/// <c>ConnectionStrings__redis</c> when the test command started them, otherwise its own, in a temporary
/// folder, started here. Each test class takes a database of its own; in a shared Redis, each instance takes a
/// logical database of its own (<see cref="WithRedisDatabaseOfItsOwnAsync"/>).
/// </summary>
public sealed class DatabaseServers : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "agentcalls-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalServerProcess? postgres;
    private LocalServerProcess? redis;

    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>False: always start servers of its own (for processes that must not share the test command's Redis streams).</summary>
    public bool UseShared { get; init; } = true;

    public string RedisConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var sharedPostgres = UseShared ? Environment.GetEnvironmentVariable("ConnectionStrings__postgres") : null;
        var sharedRedis = UseShared ? Environment.GetEnvironmentVariable("ConnectionStrings__redis") : null;
        if (string.IsNullOrEmpty(sharedPostgres))
        {
            var port = FreePort.Next();
            postgres = await StartPostgresAsync(Path.Combine(dataDirectory, "postgres"), port);
            sharedPostgres = PostgresConnectionStringFor(port);
        }

        if (string.IsNullOrEmpty(sharedRedis))
        {
            var port = FreePort.Next();
            redis = await StartRedisAsync(Path.Combine(dataDirectory, "redis"), port);
            sharedRedis = RedisConnectionStringFor(port);
        }
        else
        {
            sharedRedis = await WithRedisDatabaseOfItsOwnAsync(sharedRedis);
        }

        PostgresConnectionString = sharedPostgres;
        RedisConnectionString = sharedRedis;
    }

    /// <summary>
    /// The shared Redis with a logical database of this instance's own (1 to 15, numbered out by a counter in database
    /// 0). Streams and consumer groups live per database, and a new consumer group reads its stream from the start: in
    /// one database, a suite that ran late read every event the suites before it had published, and a test waiting
    /// behind that backlog timed out.
    /// </summary>
    private static async Task<string> WithRedisDatabaseOfItsOwnAsync(string shared)
    {
        const int Databases = 16;  // Redis's default
        await using var redis = await ConnectionMultiplexer.ConnectAsync(shared);
        var claimed = await redis.GetDatabase(0).StringIncrementAsync("agentcalls-tests:databases-claimed");
        return $"{shared},defaultDatabase={1 + (claimed - 1) % (Databases - 1)}";
    }

    /// <summary>Creates an empty database for one test class and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using var connection = new NpgsqlConnection(PostgresConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return $"{PostgresConnectionString};Database={name}";
    }

    /// <summary>
    /// The password the servers started here sign clients in with, as the AppHost's do. Not a secret: these servers
    /// live in a temporary folder for one test run.
    /// </summary>
    public const string Password = "agentcallstests";

    public static string PostgresConnectionStringFor(int port) => $"Host=127.0.0.1;Port={port};Username=postgres;Password={Password}";

    public static string RedisConnectionStringFor(int port) => $"127.0.0.1:{port},password={Password}";

    public static Task<LocalServerProcess> StartPostgresAsync(string dataDirectory, int port, string? workingDirectory = null) =>
        LocalServerProcess.StartAsync(
            RepositoryPaths.LocalServerScript("postgres.sh"),
            new Dictionary<string, string> { ["PGPORT"] = port.ToString(), ["PGDATA_DIR"] = dataDirectory, ["PG_FSYNC"] = "off", ["PG_PASSWORD"] = Password },
            "database system is ready to accept connections",
            workingDirectory);

    public static Task<LocalServerProcess> StartRedisAsync(string dataDirectory, int port) =>
        LocalServerProcess.StartAsync(
            RepositoryPaths.LocalServerScript("redis.sh"),
            new Dictionary<string, string> { ["REDIS_PORT"] = port.ToString(), ["REDIS_DATA_DIR"] = dataDirectory, ["REDIS_PASSWORD"] = Password },
            "Ready to accept connections");

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
