using System.Diagnostics;
using System.Security.Cryptography;
using AgentCalls.TestSupport;
using k8s.Models;

namespace AgentCalls.Deploy.Tests.Smoke;

/// <summary>
/// Builds the seven images (scripts/build-images.sh) and, where podman can run containers, runs every Deployment of
/// the manifests from them, wired as <see cref="SmokeWorkload"/> says, against a Postgres and a Redis of its own, until
/// each is ready. Removes its containers and servers afterwards. Everything is bounded: the build by
/// <see cref="BuildTimeout"/>, the start by <see cref="ReadyTimeout"/>. With AGENTCALLS_SMOKE_PREBUILT=1 it runs the
/// images already in the local registry (after scripts/build-images.sh by hand) instead of building them.
/// </summary>
public sealed class ImageSmoke : IAsyncLifetime
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(9);
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    public const string BaseImage = SmokeWorkload.Registry + "/agentcalls/aspnet:10.0";

    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly DatabaseServers servers = new() { UseShared = false };
    private readonly List<string> containers = [];
    private readonly List<string> mounted = [];

    /// <summary>Why no container was started (podman cannot run here), or null when they were.</summary>
    public string? CannotRun { get; private set; }

    public IReadOnlyList<SmokeWorkload> Workloads { get; private set; } = [];

    public Uri Gateway { get; private set; } = new("http://127.0.0.1/");

    public TimeSpan BuildTook { get; private set; }

    public TimeSpan StartTook { get; private set; }

    public IEnumerable<string> Images => Workloads.Select(w => w.Image);

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        if (System.Environment.GetEnvironmentVariable("AGENTCALLS_SMOKE_PREBUILT") != "1")
        {
            var (exitCode, output) = await DeployFolder.Run("timeout", ["--kill-after=10s", $"{BuildTimeout.TotalSeconds}", "scripts/build-images.sh"], _ => { });
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"scripts/build-images.sh exited {exitCode}:\n{output}");
            }
        }

        BuildTook = clock.Elapsed;
        // The ports are picked only now, after the minutes of the build, so that nothing has taken them by the time
        // the containers bind them.
        Workloads = SmokeWorkload.From(DeployFolder.Objects().OfType<V1Deployment>());
        Gateway = new Uri($"http://127.0.0.1:{Workloads.Single(w => w.Name == "gateway").Ports[8080]}/");
        CannotRun = await Podman.CannotRunAsync(BaseImage, "/usr/share/dotnet/dotnet", "--list-runtimes");
        if (CannotRun is not null)
        {
            await Console.Error.WriteLineAsync($"The image smoke test runs no container: {CannotRun}");
            return;
        }

        clock.Restart();
        await servers.InitializeAsync();
        var secrets = Secrets();
        foreach (var workload in Workloads)
        {
            var name = $"agentcalls-smoke-{run}-{workload.Name}";
            string[] arguments = ["run", "-d", "--name", name, "--label", $"agentcalls-smoke={run}", "--pull=always",
                // The only settings not from the manifests: the development sign-in, so that a test can sign in.
                "-e", "ASPNETCORE_ENVIRONMENT=Development", "-e", "Identity__DevelopmentSignIn=true",
                .. workload.Environment(Workloads, Gateway, secrets).SelectMany(e => new[] { "-e", $"{e.Key}={e.Value}" }),
                .. workload.RunOptions()];
            await Podman.RequireAsync(arguments);
            containers.Add(name);
        }

        await WaitUntilReadyAsync();
        StartTook = clock.Elapsed;
    }

    /// <summary>What the operator's secrets hold (deploy/README.md): a database of its own per service, the Redis, keys.</summary>
    private Dictionary<(string Secret, string Key), string> Secrets()
    {
        var secrets = new Dictionary<(string Secret, string Key), string>();
        var references = Workloads.SelectMany(w => w.Container.Env).Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>();
        foreach (var reference in references.DistinctBy(r => (r.Name, r.Key)))
        {
            secrets[(reference.Name, reference.Key)] = reference.Key switch
            {
                "redis" => servers.RedisConnectionString,
                _ when reference.Name == "agentcalls-connections" => $"{servers.PostgresConnectionString};Database={reference.Key}",
                "identity-signing-key" => TestKeys.SigningKey,
                "identity-encryption-key" => TestKeys.EncryptionKey,
                _ when reference.Key.EndsWith("-certificate-password", StringComparison.Ordinal) => TestKeys.CertificatePassword,
                _ when reference.Key.EndsWith("-certificate", StringComparison.Ordinal) => TestKeys.KeyRingCertificate,
                _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),  // client secrets, shared by both ends
            };
        }

        return secrets;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        var waiting = Workloads.ToList();
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            await ThrowIfAnyStoppedAsync();
            var ready = await Task.WhenAll(waiting.Select(async w => (Workload: w, Ready: await IsReadyAsync(http, w.ReadinessUrl))));
            waiting = ready.Where(r => !r.Ready).Select(r => r.Workload).ToList();
            if (waiting.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        if (waiting.Count > 0)
        {
            throw new TimeoutException($"Not ready within {ReadyTimeout}:\n{await LogsAsync(waiting.Select(w => w.Name))}");
        }
    }

    /// <summary>A container that stopped will never be ready: says so at once, with its exit code and log, rather than at the deadline.</summary>
    private async Task ThrowIfAnyStoppedAsync()
    {
        var stopped = (await Podman.RequireAsync(
                "ps", "--all", "--filter", $"label=agentcalls-smoke={run}", "--filter", "status=exited", "--format", "{{.Names}} {{.ExitCode}}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (stopped.Length > 0)
        {
            var workloads = stopped.Select(line => line.Split(' ')[0][$"agentcalls-smoke-{run}-".Length..]);
            // A .NET process that aborts (an exception out of Main) as a container's PID 1 ends with 139, not 134.
            throw new InvalidOperationException($"Stopped before it was ready (container, exit code): {string.Join("; ", stopped)}\n{await LogsAsync(workloads)}");
        }
    }

    /// <summary>Runs <paramref name="step"/>; when it throws, throws again with the last log lines of <paramref name="workloads"/>.</summary>
    public async Task<T> WithLogsOnFailureAsync<T>(IEnumerable<string> workloads, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{e.Message}\n{await LogsAsync(workloads)}", e);
        }
    }

    private async Task<string> LogsAsync(IEnumerable<string> workloads)
    {
        var logs = new List<string>();
        foreach (var workload in workloads)
        {
            var (_, log) = await Podman.RunAsync("logs", "--tail", "40", $"agentcalls-smoke-{run}-{workload}");
            logs.Add($"--- {workload}:\n{log}");
        }

        return string.Join('\n', logs);
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Where the image's files are, mounted read-only until the fixture is disposed.</summary>
    public async Task<string> MountAsync(string image)
    {
        var root = (await Podman.RequireAsync("image", "mount", image)).Trim();
        mounted.Add(image);
        return root;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var image in mounted)
        {
            await Podman.RunAsync("image", "unmount", image);
        }

        foreach (var container in containers)
        {
            await Podman.RunAsync("rm", "-f", "-t", "5", container);
        }

        await servers.DisposeAsync();
    }
}
