using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentCalls.AppHost.Diagnostics;

/// <summary>What the AppHost knows of one resource at a moment: its state, health, exit code and public addresses.</summary>
public sealed record ResourceStatus(string Name, string? State, bool HasHealthChecks, HealthStatus? Health, int? ExitCode, IReadOnlyList<string> Urls)
{
    private static readonly HashSet<string> FailedStates =
        [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.RuntimeUnhealthy];

    public static ResourceStatus From(ResourceEvent update) => new(
        update.Resource.Name,
        update.Snapshot.State?.Text is { Length: > 0 } state ? state : KnownResourceStates.NotStarted,
        update.Resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _),
        update.Snapshot.HealthStatus,
        update.Snapshot.ExitCode,
        [.. update.Snapshot.Urls.Where(url => !url.IsInternal).Select(url => url.Url)]);

    /// <summary>Running, and healthy where it has health checks: ready for the resources that wait for it.</summary>
    public bool IsUp => State == KnownResourceStates.Running && (!HasHealthChecks || Health == HealthStatus.Healthy);

    /// <summary>
    /// Stopped or never started. Every resource of this system is a server, so one that ends, even with exit code 0,
    /// has failed.
    /// </summary>
    public bool HasFailed => State is { } state && FailedStates.Contains(state) || ExitCode is not null and not 0;

    /// <summary>As the log shows it: "Running, health Healthy, at http://localhost:5080".</summary>
    public string Describe() =>
        $"{State}, health {Health?.ToString() ?? "(none)"}"
        + (ExitCode is { } exitCode ? $", exit code {exitCode}" : "")
        + (Urls.Count > 0 ? $", at {string.Join(' ', Urls)}" : "");
}
