namespace AgentCalls.Deploy.Tests;

public sealed class BicepTests
{
    private static readonly string Bicep = Executable(Path.Combine(DeployFolder.Metadata("BicepDirectory"), "tools", "bicep"));
    private static readonly string MainBicep = Path.Combine(DeployFolder.Root, "azure", "main.bicep");

    [Fact]
    public async Task MainBicep_Builds()
    {
        var (exitCode, output) = await DeployFolder.Run(Bicep, "build", MainBicep, "--stdout");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Microsoft.App/containerApps", output);
    }

    [Fact]
    public async Task MainBicep_LintsWithoutWarnings()
    {
        var (exitCode, output) = await DeployFolder.Run(Bicep, "lint", MainBicep);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Warning", output);
        Assert.DoesNotContain("Error", output);
    }

    [Fact]
    public void MainBicep_KeepsEveryAppButTheGatewayInternalWithDaprOff()
    {
        var text = File.ReadAllText(MainBicep);
        Assert.Equal(DeployFolder.Model.Workloads.Count, Count(text, "'Microsoft.App/containerApps@"));
        Assert.Equal(1, Count(text, "external: true"));
        Assert.Equal(DeployFolder.Model.Workloads.Count, Count(text, "enabled: false"));
        Assert.DoesNotContain("value: '{", text);
        Assert.Contains("keyVaultUrl: '${keyVaultUri}secrets/connectionstrings-identitydb'", text);
    }

    /// <summary>NuGet does not keep the file's execute bit.</summary>
    private static string Executable(string path)
    {
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
