using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Support;

/// <summary>
/// A service behind the gateway: its project, its name in the gateway's service discovery (and its database's,
/// <c>{Name}db</c>), and any settings of its own it needs to start.
/// </summary>
public sealed record BackendService(string Project, string Name, IEnumerable<KeyValuePair<string, string>>? Settings = null);

/// <summary>
/// The gateway and what it fronts, each a separate Release process on loopback ports, none under the AppHost (no DCP
/// proxy hop): Postgres and Redis (TestSupport's), Identity (the token issuer, Development for its sign-in page),
/// the given services, and the gateway routing to them. Logging at Warning, telemetry not exported, the gateway's
/// per-agent rate limits (plain and costly) raised out of the way (the limiter still runs on every request). Every
/// process inherits this one's CPU affinity. Everything stops and the data is removed, whatever happens.
/// </summary>
public sealed class GatewaySystem : IAsyncDisposable
{
    private const string GatewaySecret = "benchmark-gateway-secret";
    private const string ReadyLine = "Application started.";
    private const string NoLimit = "100000";
    private readonly DatabaseServers servers = new();
    private readonly List<(string Project, LocalServerProcess Process)> processes = [];
    private readonly Dictionary<string, Ports> services = [];

    private GatewaySystem()
    {
    }

    public Uri Issuer { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>A service's HTTP/2 endpoint, where gRPC JSON transcoding answers REST.</summary>
    public Uri Grpc(string name) => new($"http://127.0.0.1:{services[name].Grpc}/");

    public static Task<GatewaySystem> StartAsync(params BackendService[] backends) =>
        SystemStart.OrDisposeAsync(new GatewaySystem(), system => system.StartProcessesAsync(backends));

    private async Task StartProcessesAsync(BackendService[] backends)
    {
        await servers.InitializeAsync();
        var identity = Ports.Next();
        var gatewayPort = FreePort.Next();
        Issuer = new Uri($"http://127.0.0.1:{identity.Http}/auth/");
        Gateway = new Uri($"http://127.0.0.1:{gatewayPort}/");

        // Development and DevelopmentSignIn only for its sign-in page; the tokens last the whole run.
        await StartAsync("Identity.Service", "Development", [
            .. identity.Kestrel,
            new("ConnectionStrings__identitydb", await servers.CreateDatabaseAsync("identity")),
            new("Identity__Gateway__ClientSecret", GatewaySecret),
            new("Identity__AccessTokenLifetime", "01:00:00"),
            new("Identity__DevelopmentSignIn", "true"),
        ]);
        foreach (var backend in backends)
        {
            var ports = services[backend.Name] = Ports.Next();
            await StartAsync(backend.Project, "Production", [
                .. ports.Kestrel,
                new($"ConnectionStrings__{backend.Name}db", await servers.CreateDatabaseAsync(backend.Name)),
                .. backend.Settings ?? [],
            ]);
        }

        await StartAsync("Gateway", "Production", [
            new("Kestrel__Endpoints__http__Url", $"http://127.0.0.1:{gatewayPort}"),
            .. identity.Discovery("identity"),
            .. services.SelectMany(service => service.Value.Discovery(service.Key)),
            new("Gateway__ClientSecret", GatewaySecret),
            // What the gateway needs outside Development: the host names it answers for, its key ring's protection.
            new("AllowedHosts", "127.0.0.1"),
            new("Gateway__DataProtection__Certificate", TestKeys.KeyRingCertificate),
            new("Gateway__DataProtection__CertificatePassword", TestKeys.CertificatePassword),
            .. RaisedLimit("RateLimit"),
            .. RaisedLimit("CostlyRateLimit"),
        ]);
    }

    private static KeyValuePair<string, string>[] RaisedLimit(string limit) =>
    [
        new($"Gateway__{limit}__TokenLimit", NoLimit),
        new($"Gateway__{limit}__TokensPerPeriod", NoLimit),
        new($"Gateway__{limit}__ReplenishmentPeriod", "00:00:01"),
    ];

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
