namespace AgentCalls.AppHost.Tests;

/// <summary>A start that cannot finish ends with the resource named and its error shown, never with a wait forever.</summary>
public sealed class AppHostStartFailureTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("agentcalls-apphost-start-");

    [Fact]
    public async Task Run_DataFolderIsAFile_ExitsNonZeroNamingTheServerThatFailedWithItsError()
    {
        var notAFolder = Path.Combine(scratch.FullName, "not-a-folder");
        await File.WriteAllTextAsync(notAFolder, "", TestContext.Current.CancellationToken);

        var run = await AppHostRun.RunUntilExitAsync(new Dictionary<string, string> { ["AppHost__DataDirectory"] = notAFolder });

        Assert.NotEqual(0, run.ExitCode);
        var report = run.Output[run.Output.IndexOf("AgentCalls did not start", StringComparison.Ordinal)..];
        // Postgres and Redis both keep their data there and both fail; whichever fails first is reported.
        Assert.Matches(@"\n\s+(postgres|redis) is (Finished|Exited|FailedToStart)[^\n]*exit code [1-9]", report);
        Assert.Contains($"cannot create directory ‘{notAFolder}’: Not a directory", report);
        Assert.Contains("Everything is being stopped.", report);
        Assert.DoesNotContain("AgentCalls is up", run.Output);
    }

    [Fact]
    public async Task Run_NotUpWithinTheDeadline_ExitsNonZeroNamingWhatWasNotUp()
    {
        var run = await AppHostRun.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["AppHost__DataDirectory"] = Path.Combine(scratch.FullName, "data"),
            ["AppHost__PostgresFsync"] = "false",
            ["AppHost__StartupTimeout"] = "00:00:03",
        });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AgentCalls did not start: not every resource was up within 3 s.", run.Output);
        // Nothing serves the browser 3 s into a start: the gateway waits for all the rest.
        Assert.Matches(@"\n\s+gateway is (NotStarted|Waiting|Starting|Running, health (Unhealthy|\(none\)))", run.Output);
        Assert.DoesNotContain("AgentCalls is up", run.Output);
    }

    public void Dispose() => scratch.Delete(recursive: true);
}
