using AgentCalls.AppHost.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentCalls.AppHost.Tests;

public sealed class StartupReportTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Output = new()
    {
        ["postgres"] = ["initdb: error: could not access directory \"/root/x/.data/postgres\": Permission denied"],
        ["identity"] = ["Waiting for resource 'postgres' to become healthy."],
        ["gateway"] = [],
    };

    [Fact]
    public void Failure_AResourceFailed_NamesItFirstWithItsOutputAndOnlyNamesTheWaitingOnes()
    {
        var report = StartupReport.Failure("postgres failed", [
            Status("identity", KnownResourceStates.Waiting),
            Status("postgres", KnownResourceStates.Exited, exitCode: 1),
            Status("redis", KnownResourceStates.Running, health: HealthStatus.Healthy),
        ], name => Output.GetValueOrDefault(name, []));

        Assert.False(report.Succeeded);
        var lines = report.Text.Split('\n');
        Assert.Equal("AgentCalls did not start: postgres failed.", lines[0]);
        Assert.StartsWith("postgres is Exited, health (none), exit code 1; its last lines:", lines[1]);
        Assert.Contains("Permission denied", lines[2]);
        Assert.Equal("identity is Waiting, health (none)", lines[3]);
        Assert.DoesNotContain("redis", report.Text);
    }

    [Fact]
    public void Failure_NothingFailedButTheDeadlinePassed_ShowsEveryStuckResourcesOutput()
    {
        var report = StartupReport.Failure("not every resource was up within 300 s", [
            Status("identity", KnownResourceStates.Running, health: HealthStatus.Unhealthy, hasHealthChecks: true),
            Status("gateway", KnownResourceStates.Waiting),
        ], name => Output.GetValueOrDefault(name, []));

        Assert.Contains("gateway is Waiting, health (none); it printed nothing.", report.Text);
        Assert.Contains("identity is Running, health Unhealthy; its last lines:\n    Waiting for resource 'postgres'", report.Text);
    }

    [Theory]
    [InlineData("Running", null, false, null, true, false)]
    [InlineData("Running", "Unhealthy", true, null, false, false)]
    [InlineData("Running", "Healthy", true, null, true, false)]
    [InlineData("Starting", null, false, null, false, false)]
    [InlineData("FailedToStart", null, false, null, false, true)]
    [InlineData("Finished", null, false, 0, false, true)]
    [InlineData("RuntimeUnhealthy", null, false, null, false, true)]
    public void ResourceStatus_StateHealthAndExitCode_TellUpFromFailed(
        string state, string? health, bool hasHealthChecks, int? exitCode, bool up, bool failed)
    {
        var status = Status("clients", state, health is null ? null : Enum.Parse<HealthStatus>(health), hasHealthChecks, exitCode);

        Assert.Equal(up, status.IsUp);
        Assert.Equal(failed, status.HasFailed);
    }

    private static ResourceStatus Status(
        string name, string state, HealthStatus? health = null, bool hasHealthChecks = false, int? exitCode = null) =>
        new(name, state, hasHealthChecks, health, exitCode, []);
}
