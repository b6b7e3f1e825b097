using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentCalls.AppHost.Diagnostics;

/// <summary>
/// Writes every resource's state changes and output to the AppHost's own log, for runs nobody watches in the
/// dashboard (the browser tests in CI): the gateway's line says where it listens once it is healthy, and when the system
/// does not come up, the log names the resource that stuck and what it printed. Off by default;
/// <c>AppHost:LogResources=true</c> turns it on.
/// </summary>
public sealed class ResourceConsoleLog(
    ResourceNotificationService notifications, ResourceLoggerService resourceLogs, ILoggerFactory loggerFactory)
{
    public static void AddIfEnabled(IDistributedApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>("AppHost:LogResources"))
        {
            return;
        }

        // Started before the orchestrator rather than as a hosted service: the host starts hosted services only after
        // the orchestrator's own start, by which time most resources are up and a stuck start would go unlogged.
        builder.Eventing.Subscribe<BeforeStartEvent>((starting, _) =>
        {
            var services = starting.Services;
            var log = new ResourceConsoleLog(
                services.GetRequiredService<ResourceNotificationService>(),
                services.GetRequiredService<ResourceLoggerService>(),
                services.GetRequiredService<ILoggerFactory>());
            log.Start(services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Writes until the AppHost stops; nothing waits for it, as nothing waits for a hosted service's loop, so a failure
    /// is logged here: otherwise the log would just fall silent and a stuck start would look like no resource changing.
    /// </summary>
    private void Start(CancellationToken stoppingToken) =>
        _ = WriteUntilStoppedAsync(stoppingToken).ContinueWith(
            failed => loggerFactory.CreateLogger<ResourceConsoleLog>().LogError(failed.Exception, "Resource states and output are no longer written"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private async Task WriteUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var watched = new HashSet<string>();
        var lastSeen = new Dictionary<string, string>();
        var outputs = new List<Task>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var logger = loggerFactory.CreateLogger($"AgentCalls.Resources.{update.Resource.Name}");
                var urls = update.Snapshot.Urls.Where(url => !url.IsInternal).Select(url => url.Url).ToList();
                var state = $"{(update.Snapshot.State?.Text is { Length: > 0 } text ? text : "(none)")}, health {update.Snapshot.HealthStatus?.ToString() ?? "(none)"}"
                    + (update.Snapshot.ExitCode is { } exitCode ? $", exit code {exitCode}" : "")
                    + (urls.Count > 0 ? $", at {string.Join(' ', urls)}" : "");
                if (!lastSeen.TryGetValue(update.ResourceId, out var previous) || previous != state)
                {
                    lastSeen[update.ResourceId] = state;
                    // scripts/test-web.sh reads these lines: the gateway's address once healthy, and each last state.
                    logger.LogInformation("Resource {Resource} is {State}", update.Resource.Name, state);
                }

                if (watched.Add(update.ResourceId))
                {
                    outputs.Add(WriteOutputAsync(update.ResourceId, logger, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping; the output watchers end with it.
        }

        await Task.WhenAll(outputs);
    }

    private async Task WriteOutputAsync(string resourceId, ILogger logger, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var lines in resourceLogs.WatchAsync(resourceId).WithCancellation(stoppingToken))
            {
                foreach (var line in lines)
                {
                    // Not a warning for stderr: Postgres writes its ordinary log there.
                    logger.LogInformation(line.IsErrorMessage ? "stderr: {Line}" : "{Line}", line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
