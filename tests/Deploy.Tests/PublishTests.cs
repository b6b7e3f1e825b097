using AgentCalls.AppHost.Publishing;

namespace AgentCalls.Deploy.Tests;

public sealed class PublishTests
{
    [Fact]
    public async Task CommittedDeploy_MatchesAFreshPublish()
    {
        // Beside deploy/ (same depth), so the manifest's relative project paths come out the same.
        var fresh = Path.Combine(DeployFolder.RepositoryRoot, $".deploy-check-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output) = await DeployFolder.Run(
                "dotnet", [Path.Combine(AppContext.BaseDirectory, "AppHost.dll"), "--operation", "publish", "--publisher", "manifest", "--output-path", fresh], DefaultConfiguration);
            Assert.True(exitCode == 0, output);

            var committed = Relative(DeployFolder.Root).Where(f => f != "README.md").ToList();
            Assert.Equal(Relative(fresh), committed);
            foreach (var file in committed)
            {
                Assert.True(
                    File.ReadAllText(Path.Combine(DeployFolder.Root, file)) == File.ReadAllText(Path.Combine(fresh, file)),
                    $"deploy/{file} differs from a fresh publish: run scripts/publish.sh and commit deploy/.");
            }
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    [Fact]
    public void Manifest_HasEveryWorkloadOfTheAppHost()
    {
        Assert.Equal(
            ["calendar", "clients", "conversation", "gateway", "identity", "transcription", "web"],
            DeployFolder.Model.Workloads.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.Equal("gateway", Assert.Single(DeployFolder.Model.Workloads, w => w.IsExternal).Name);
        Assert.True(File.Exists(Path.Combine(DeployFolder.Root, DeploymentPublisher.ManifestFile)));
    }

    /// <summary>
    /// deploy/ describes the AppHost as configured by default, as scripts/publish.sh runs it: no user-secrets
    /// (Production) and none of the optional settings a developer's shell may carry (Google sign-in, ports).
    /// </summary>
    private static void DefaultConfiguration(IDictionary<string, string?> environment)
    {
        foreach (var key in environment.Keys.Where(k => k.StartsWith("AppHost__", StringComparison.Ordinal)
            || k.StartsWith("Google__", StringComparison.Ordinal) || k.StartsWith("Calendar__", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(key);
        }
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    }

    private static List<string> Relative(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
}
