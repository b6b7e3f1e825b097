using System.Diagnostics;
using System.Text;
using AgentCalls.TestSupport;

namespace AgentCalls.AppHost.Tests;

/// <summary>The AppHost started the way <c>run.sh</c> starts it (built, on free ports), run until it exits by itself.</summary>
public static class AppHostRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine(RepositoryPaths.Root, "AppHost"), "--no-build", "--no-launch-profile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://localhost:{FreePort.Next()}",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}",
                ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort.Next()}",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                // Aspire picks and holds every port, so this run never meets another system running on this machine.
                ["DcpPublisher__RandomizePorts"] = "true",
            },
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost was still running after {Patience.TotalMinutes} minutes:\n{Snapshot(output)}");
        }

        return new Result(process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
