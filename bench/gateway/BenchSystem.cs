using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Gateway;

/// <summary>
/// What the benchmark measures, each a separate Release process on loopback ports, none under the AppHost (no
/// DCP proxy hop): Postgres and Redis (TestSupport's), Identity (the token issuer), Transcription.Service, and the
/// gateway routing <c>/api/transcription/**</c> to it. Logging at Warning, telemetry not exported, the gateway's
/// per-agent rate limit raised out of the way. Every process inherits this one's CPU affinity.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private const string GatewaySecret = "benchmark-gateway-secret";
    private const string ReadyLine = "Application started.";
    private readonly DatabaseServers servers = new();
    private readonly List<(string Project, LocalServerProcess Process)> processes = [];

    private BenchSystem()
    {
    }

    public Uri Issuer { get; private set; } = null!;

    /// <summary>Transcription.Service's HTTP/2 endpoint, where gRPC JSON transcoding answers REST.</summary>
    public Uri Service { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public static async Task<BenchSystem> StartAsync()
    {
        var system = new BenchSystem();
        try
        {
            await system.StartProcessesAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync()
    {
        await servers.InitializeAsync();
        var identity = Ports.Next();
        var transcription = Ports.Next();
        var gatewayPort = FreePort.Next();
        Issuer = new Uri($"http://127.0.0.1:{identity.Http}/auth/");
        Service = new Uri($"http://127.0.0.1:{transcription.Grpc}/");
        Gateway = new Uri($"http://127.0.0.1:{gatewayPort}/");

        // Development only for its sign-in page; the tokens last the whole run.
        await StartAsync("Identity.Service", "Development", [
            .. identity.Kestrel,
            new("ConnectionStrings__identitydb", await servers.CreateDatabaseAsync("identity")),
            new("Identity__Gateway__ClientSecret", GatewaySecret),
            new("Identity__AccessTokenLifetime", "01:00:00"),
        ]);
        await StartAsync("Transcription.Service", "Production", [
            .. transcription.Kestrel,
            new("ConnectionStrings__transcriptiondb", await servers.CreateDatabaseAsync("transcription")),
        ]);
        await StartAsync("Gateway", "Production", [
            new("Kestrel__Endpoints__http__Url", $"http://127.0.0.1:{gatewayPort}"),
            .. identity.Discovery("identity"),
            .. transcription.Discovery("transcription"),
            new("Gateway__ClientSecret", GatewaySecret),
            new("Gateway__RateLimit__TokenLimit", "100000"),
            new("Gateway__RateLimit__TokensPerPeriod", "100000"),
            new("Gateway__RateLimit__ReplenishmentPeriod", "00:00:01"),
        ]);
    }

    private async Task StartAsync(string project, string environment, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var variables = new Dictionary<string, string>(settings)
        {
            ["BENCH_PROJECT"] = project,
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__redis"] = servers.RedisConnectionString,
            ["Auth__Issuer"] = Issuer.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            // Startup lines only: "Application started." is how the benchmark knows the process is ready.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        var script = Path.Combine(RepositoryPaths.Root, "bench", "BenchSupport", "serve.sh");
        processes.Add((project, await LocalServerProcess.StartAsync(script, variables, ReadyLine)));
    }

    public async ValueTask DisposeAsync()
    {
        // Last started, first stopped; one that does not stop must not keep the others running.
        foreach (var (project, process) in Enumerable.Reverse(processes))
        {
            try
            {
                await process.DisposeAsync();
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"{project} did not stop within a minute of SIGINT: stop it by hand.");
            }
        }

        await servers.DisposeAsync();
    }

    /// <summary>A service's two Kestrel endpoints: HTTP/1.1 (health, pages) and HTTP/2 (gRPC and its REST face).</summary>
    private sealed record Ports(int Http, int Grpc)
    {
        public static Ports Next() => new(FreePort.Next(), FreePort.Next());

        public KeyValuePair<string, string>[] Kestrel =>
        [
            new("Kestrel__Endpoints__http__Url", $"http://127.0.0.1:{Http}"),
            new("Kestrel__Endpoints__grpc__Url", $"http://127.0.0.1:{Grpc}"),
        ];

        /// <summary>Where the gateway's service discovery finds the service, as the AppHost would say it.</summary>
        public KeyValuePair<string, string>[] Discovery(string service) =>
        [
            new($"services__{service}__http__0", $"http://127.0.0.1:{Http}"),
            new($"services__{service}__grpc__0", $"http://127.0.0.1:{Grpc}"),
        ];
    }
}
