using System.Diagnostics;
using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Gateway;

/// <summary>
/// The whole benchmark: starts the system (on this process's CPU, which run.sh sets), signs an agent in for a real
/// access token, runs the load generator on the other CPU, and stops everything, whatever happens.
/// </summary>
public static class BenchRun
{
    /// <summary>How the access token reaches the load generator (not on its command line).</summary>
    public const string TokenVariable = "BENCH_ACCESS_TOKEN";

    public const string LoadGeneratorCpu = "0";

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Starting Postgres, Redis, Identity.Service, Transcription.Service and the gateway (Release) on {CpuAffinity.Current()} ...");
        await using var system = await GatewaySystem.StartAsync(new BackendService("Transcription.Service", "transcription",
            [new("Transcription__Vad__ModelPath", Path.Combine(RepositoryPaths.Root, ".models", "silero-vad", "silero_vad.onnx"))]));
        cancellationToken.ThrowIfCancellationRequested();
        var agent = await IdentityHost.SignInAsync(system.Issuer, "Benchmark agent", cancellationToken: cancellationToken);

        var start = new ProcessStartInfo("taskset", ["-c", LoadGeneratorCpu, "dotnet", typeof(BenchRun).Assembly.Location,
            .. options.MeasureArguments(system.Grpc("transcription"), system.Gateway)]);
        start.Environment[TokenVariable] = agent.AccessToken;
        using var loadGenerator = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start.");
        try
        {
            await loadGenerator.WaitForExitAsync(cancellationToken);
            return loadGenerator.ExitCode;
        }
        finally
        {
            if (!loadGenerator.HasExited)
            {
                loadGenerator.Kill();
                await loadGenerator.WaitForExitAsync(CancellationToken.None);
            }
        }
    }
}
