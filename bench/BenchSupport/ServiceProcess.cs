using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Support;

/// <summary>
/// One AgentCalls service measured as a process of its own (its Release build, through serve.sh), so that its memory
/// is its own and nothing of the benchmark's shares its heap. Logging at Warning (no line per request), telemetry
/// collected but not exported.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const string ReadyLine = "Application started.";
    private readonly LocalServerProcess process;

    private ServiceProcess(string project, LocalServerProcess process, ServicePorts ports)
    {
        Project = project;
        this.process = process;
        Ports = ports;
    }

    public string Project { get; }

    public ServicePorts Ports { get; }

    public int ProcessId => process.Id;

    public static async Task<ServiceProcess> StartAsync(string project, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var ports = ServicePorts.Next();
        var variables = new Dictionary<string, string>(settings)
        {
            ["BENCH_PROJECT"] = project,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kestrel__Endpoints__http__Url"] = ports.Http.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__grpc__Url"] = ports.Grpc.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
            // Startup lines only: "Application started." is how the benchmark knows the process is ready.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        var script = Path.Combine(RepositoryPaths.Root, "bench", "BenchSupport", "serve.sh");
        return new ServiceProcess(project, await LocalServerProcess.StartAsync(script, variables, ReadyLine), ports);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.DisposeAsync();
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"{Project} (pid {ProcessId}) did not stop within a minute of SIGINT: stop it by hand.");
        }
    }
}

/// <summary>A service's two loopback endpoints: HTTP/1.1 (uploads, health) and HTTP/2 (gRPC).</summary>
public sealed record ServicePorts(Uri Http, Uri Grpc)
{
    public static ServicePorts Next() => new(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
}
