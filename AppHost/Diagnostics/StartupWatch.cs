using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentCalls.AppHost.Diagnostics;

/// <summary>
/// Watches the system come up, so that nobody waits on a start that cannot finish: prints each resource as it becomes
/// ready (name, address) and then where the web app is; when a resource fails to start or the system is not up within
/// <c>AppHost:StartupTimeout</c> (5 minutes), it names the resources that are not up with their last output lines,
/// stops everything and sets a non-zero exit code. With <c>AppHost:LogResources=true</c> it also writes every state
/// change and every output line of every resource to the AppHost's log, for runs nobody watches in the dashboard.
/// </summary>
public sealed partial class StartupWatch
{
    private readonly string frontDoor;
    private readonly TimeSpan timeout;
    private readonly bool logEverything;
    private readonly string? dashboardUrl;
    private readonly List<string> notes = [];
    private readonly Dictionary<string, ResourceStatus> statuses = [];
    private readonly Dictionary<string, OutputTail> outputs = [];
    private readonly TaskCompletionSource<StartupReport> report = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch elapsed = new();
    private ILoggerFactory loggerFactory = null!;
    private ILogger logger = null!;
    private IHostApplicationLifetime lifetime = null!;

    private StartupWatch(string frontDoor, TimeSpan timeout, bool logEverything, string? dashboardUrl)
    {
        this.frontDoor = frontDoor;
        this.timeout = timeout;
        this.logEverything = logEverything;
        this.dashboardUrl = dashboardUrl;
    }

    /// <summary>How the start ended; tests started through Aspire.Hosting.Testing read it from the app's services.</summary>
    public Task<StartupReport> Report => report.Task;

    /// <summary>Watches the system <paramref name="builder"/> declares; <paramref name="frontDoor"/> is the resource the browser uses.</summary>
    public static StartupWatch Add(IDistributedApplicationBuilder builder, string frontDoor)
    {
        var settings = builder.Configuration.GetSection("AppHost");
        var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0];
        var watch = new StartupWatch(
            frontDoor, settings.GetValue("StartupTimeout", TimeSpan.FromMinutes(5)), settings.GetValue<bool>("LogResources"), dashboard);
        builder.Services.AddSingleton(watch);
        // Started before the orchestrator rather than as a hosted service: hosted services start only after the
        // orchestrator's own start, by which time a failure may already have happened unobserved.
        builder.Eventing.Subscribe<BeforeStartEvent>((starting, _) =>
        {
            watch.Start(starting.Model, starting.Services);
            return Task.CompletedTask;
        });
        return watch;
    }

    /// <summary>
    /// Starts <paramref name="app"/> (built from this AppHost, as tests build it) and returns how its start ended. A failed
    /// start stops the app, which makes Aspire's own start throw a bare cancellation: the report says what failed instead.
    /// </summary>
    public static async Task<StartupReport> StartAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var report = app.Services.GetRequiredService<StartupWatch>().Report;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (report.IsCompleted)
        {
            // The watch stopped the app; its report follows.
        }

        return await report.WaitAsync(cancellationToken);
    }

    /// <summary>A line printed when the system starts, before the resources' progress (where data is kept, for example).</summary>
    public void Note(string note) => notes.Add(note);

    private void Start(DistributedApplicationModel model, IServiceProvider services)
    {
        loggerFactory = services.GetRequiredService<ILoggerFactory>();
        logger = loggerFactory.CreateLogger<StartupWatch>();
        lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        elapsed.Start();
        foreach (var note in notes)
        {
            LogNote(logger, note);
        }

        lock (statuses)
        {
            foreach (var resource in model.Resources.Where(resource => resource is ProjectResource or ExecutableResource or ContainerResource))
            {
                statuses[resource.Name] = new ResourceStatus(resource.Name, KnownResourceStates.NotStarted, false, null, null, []);
                outputs[resource.Name] = new OutputTail();
            }
        }

        var stopping = lifetime.ApplicationStopping;
        _ = WatchAsync(services.GetRequiredService<ResourceNotificationService>(), services.GetRequiredService<ResourceLoggerService>(), stopping)
            .ContinueWith(
                failed => LogWatchFailed(logger, failed.Exception),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        _ = Task.Delay(timeout, stopping).ContinueWith(
            _ => Fail($"not every resource was up within {timeout.TotalSeconds:0} s"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private async Task WatchAsync(ResourceNotificationService notifications, ResourceLoggerService resourceLogs, CancellationToken stopping)
    {
        var watchedOutputs = new HashSet<string>();
        var outputWatchers = new List<Task>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                var status = ResourceStatus.From(update);
                ResourceStatus? previous;
                lock (statuses)
                {
                    if (!statuses.TryGetValue(status.Name, out previous))
                    {
                        continue;
                    }

                    if (update.Snapshot.IsHidden)
                    {
                        // Aspire's own helpers (a project's rebuilder) never start unless asked to.
                        statuses.Remove(status.Name);
                        continue;
                    }

                    statuses[status.Name] = status;
                }

                if (logEverything && previous.Describe() != status.Describe())
                {
                    // scripts/test-web.sh shows these lines when the system does not come up.
                    LogResourceState(logger, status.Name, status.Describe());
                }

                if (watchedOutputs.Add(update.ResourceId))
                {
                    outputWatchers.Add(KeepOutputAsync(resourceLogs, update.ResourceId, status.Name, stopping));
                }

                Observe(previous, status, resourceLogs, update.ResourceId);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping; the output watchers end with it.
        }

        await Task.WhenAll(outputWatchers);
    }

    private void Observe(ResourceStatus previous, ResourceStatus status, ResourceLoggerService resourceLogs, string resourceId)
    {
        if (status.IsUp && !previous.IsUp)
        {
            LogResourceUp(logger, status.Name, status.Urls.Count > 0 ? $" at {string.Join(' ', status.Urls)}" : "");
        }

        if (report.Task.IsCompleted)
        {
            if (status.HasFailed && !previous.HasFailed && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogResourceStopped(logger, status.Name, status.Describe(), string.Join("\n    ", outputs[status.Name].Snapshot()));
            }

            return;
        }

        if (status.HasFailed)
        {
            _ = FailWithAllOutputAsync(status.Name, resourceLogs, resourceId);
            return;
        }

        List<ResourceStatus> all;
        lock (statuses)
        {
            all = [.. statuses.Values];
        }

        if (all.All(resource => resource.IsUp) && report.TrySetResult(new StartupReport(true, "")))
        {
            var web = all.Single(resource => resource.Name == frontDoor).Urls.FirstOrDefault() ?? "(no address)";
            LogSystemUp(logger, elapsed.Elapsed.TotalSeconds, web, dashboardUrl is null ? "" : $", the dashboard at {dashboardUrl}");
            LogHowToStop(logger);
        }
    }

    private void Fail(string reason)
    {
        StartupReport failure;
        lock (statuses)
        {
            if (report.Task.IsCompleted)
            {
                return;
            }

            failure = StartupReport.Failure(reason, statuses.Values, name => outputs[name].Snapshot());
            report.SetResult(failure);
        }

        LogStartFailed(logger, failure.Text);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    /// <summary>
    /// The live output stream may trail a process's exit, so the report reads the failed resource's whole output
    /// as DCP recorded it, which is complete once the process has ended.
    /// </summary>
    private async Task FailWithAllOutputAsync(string name, ResourceLoggerService resourceLogs, string resourceId)
    {
        try
        {
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            reading.CancelAfter(TimeSpan.FromSeconds(30));
            var recorded = new List<string>();
            await foreach (var lines in resourceLogs.GetAllAsync(resourceId).WithCancellation(reading.Token))
            {
                recorded.AddRange(lines.Select(line => line.Content));
            }

            outputs[name].ReplaceWith(recorded);
        }
        catch (OperationCanceledException)
        {
            // The live tail is what there is.
        }

        Fail($"{name} failed");
    }

    private async Task KeepOutputAsync(ResourceLoggerService resourceLogs, string resourceId, string name, CancellationToken stopping)
    {
        var resourceLogger = logEverything ? loggerFactory.CreateLogger($"AgentCalls.Resources.{name}") : null;
        try
        {
            await foreach (var lines in resourceLogs.WatchAsync(resourceId).WithCancellation(stopping))
            {
                foreach (var line in lines)
                {
                    outputs[name].Add(line.Content);
                    if (resourceLogger is not null)
                    {
                        // Not a warning for stderr: Postgres writes its ordinary log there.
                        LogResourceOutput(resourceLogger, line.IsErrorMessage ? "stderr: " : "", line.Content);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Note}")]
    private static partial void LogNote(ILogger logger, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resource {Resource} is {State}")]
    private static partial void LogResourceState(ILogger logger, string resource, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} is up{Address}")]
    private static partial void LogResourceUp(ILogger logger, string resource, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "AgentCalls is up after {Seconds:0} s: the web app is at {WebApp}{Dashboard}")]
    private static partial void LogSystemUp(ILogger logger, double seconds, string webApp, string dashboard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ctrl+C stops everything.")]
    private static partial void LogHowToStop(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Report}\nEverything is being stopped.")]
    private static partial void LogStartFailed(ILogger logger, string report);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} stopped: {State}; its last lines:\n    {Output}")]
    private static partial void LogResourceStopped(ILogger logger, string resource, string state, string output);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stream}{Line}")]
    private static partial void LogResourceOutput(ILogger logger, string stream, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resource states and output are no longer watched")]
    private static partial void LogWatchFailed(ILogger logger, Exception? exception);
}
