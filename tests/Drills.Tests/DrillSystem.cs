using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AgentCalls.AppHost.Diagnostics;
using AgentCalls.AppHost.LocalServers;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.Drills.Tests;

/// <summary>
/// The whole system through the real AppHost, started once for the drills, whose processes the drills kill and start
/// again through Aspire's own resource commands.
/// </summary>
public sealed class DrillSystem : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private readonly string privateDirectory = Directory.CreateTempSubdirectory("agentcalls-drills-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--AppHost:DataDirectory={Path.Combine(privateDirectory, "data")}", "--AppHost:PostgresFsync=true", $"--AppHost:StartupTimeout={StartTimeout - TimeSpan.FromMinutes(1)}"],
            (options, _) => options.DisableDashboard = true,
            cancellation.Token);
        App = await builder.BuildAsync(cancellation.Token);
        if (await StartupWatch.StartAsync(App, cancellation.Token) is { Succeeded: false } failed)
        {
            throw new InvalidOperationException(failed.Text);
        }

        Gateway = App.GetEndpoint("gateway", "http");
    }

    public async Task<BrowserSession> SignedInBrowserAsync(string displayName, CancellationToken cancellationToken)
    {
        var browser = new BrowserSession(Gateway);
        await browser.SignInAsync(displayName, $"{Guid.NewGuid():N}@agents.test", cancellationToken);
        return browser;
    }

    public async Task<string> ConnectionStringAsync(string database, CancellationToken cancellationToken) =>
        await App.GetConnectionStringAsync(database, cancellationToken)
            ?? throw new InvalidOperationException($"No connection string for {database}.");

    /// <summary>Kills the resource's processes with SIGKILL, waits for Aspire to see it gone, starts it again, and waits until it is healthy.</summary>
    public async Task CrashAndRestartAsync(string name, CancellationToken cancellationToken)
    {
        var before = Pid(name);
        // SIGKILL to the process and everything below it (a project runs as `dotnet run` with the service as its child;
        // Postgres as the postmaster with its backends), as a machine losing them would.
        using (var process = Process.GetProcessById(before))
        {
            process.Kill(entireProcessTree: true);
        }

        await WaitUntilStoppedAsync(name, cancellationToken);
        await StartAsync(name, before, cancellationToken);
    }

    /// <summary>Stops the resource the way an operator would (Aspire's stop command), and waits until it is down.</summary>
    public async Task<int> StopAsync(string name, CancellationToken cancellationToken)
    {
        var before = Pid(name);
        await RunCommandAsync(name, KnownResourceCommands.StopCommand, cancellationToken);
        await WaitUntilStoppedAsync(name, cancellationToken);
        return before;
    }

    /// <summary>Starts a stopped resource again (Aspire's start command) and waits until a new process of it is healthy.</summary>
    public async Task StartAsync(string name, int previousPid, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        await RunCommandAsync(name, KnownResourceCommands.StartCommand, patience.Token);
        await App.ResourceNotifications.WaitForResourceAsync(name, update =>
            update.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(update) is { } pid && pid != previousPid, patience.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, patience.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        var standIn = PostgresDataDirectory.Choose(Path.Combine(privateDirectory, "data", "postgres"), Environment.IsPrivilegedProcess);
        if (Directory.Exists(standIn))
        {
            Directory.Delete(standIn, recursive: true);
        }

        Directory.Delete(privateDirectory, recursive: true);
    }

    private int Pid(string name) =>
        App.ResourceNotifications.TryGetCurrentState(name, out var current) && PidOf(current) is { } pid
            ? pid
            : throw new InvalidOperationException($"{name} has no process.");

    private static int? PidOf(ResourceEvent update) =>
        update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            && int.TryParse(value.ToString(), out var pid) ? pid : null;

    private async Task WaitUntilStoppedAsync(string name, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        await App.ResourceNotifications.WaitForResourceAsync(name, update =>
            update.Snapshot.State?.Text is { } state && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished
                || state == KnownResourceStates.FailedToStart), patience.Token);
    }

    private async Task RunCommandAsync(string name, string command, CancellationToken cancellationToken)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Aspire's {command} of {name} failed: {result.Message}");
        }
    }
}
