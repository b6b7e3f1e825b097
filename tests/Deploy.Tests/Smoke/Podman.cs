namespace AgentCalls.Deploy.Tests.Smoke;

/// <summary>
/// Debian's podman, rootful, with the project's own configuration (scripts/podman: runc, cgroupfs, file events,
/// localhost:5000 insecure) given through CONTAINERS_CONF and CONTAINERS_REGISTRIES_CONF, so the host's is left alone.
/// </summary>
public static class Podman
{
    private static readonly string ConfigFolder = Path.Combine(DeployFolder.RepositoryRoot, "scripts", "podman");

    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        DeployFolder.Run("podman", arguments, environment =>
        {
            environment["CONTAINERS_CONF"] = Path.Combine(ConfigFolder, "containers.conf");
            environment["CONTAINERS_REGISTRIES_CONF"] = Path.Combine(ConfigFolder, "registries.conf");
        });

    /// <summary>Runs podman and returns what it printed; a non-zero exit is an error that names the command.</summary>
    public static async Task<string> RequireAsync(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(arguments);
        return exitCode == 0 ? output : throw new InvalidOperationException($"podman {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
    }

    /// <summary>Why podman cannot start a container on this machine, or null when it can: it runs <paramref name="image"/>'s <paramref name="command"/>.</summary>
    public static async Task<string?> CannotRunAsync(string image, params string[] command)
    {
        if (!DeployFolder.OnPath("podman") || !DeployFolder.OnPath("runc"))
        {
            return "podman or runc is not installed (scripts/install-prerequisites.sh --images installs them).";
        }

        var (exitCode, output) = await RunAsync(["run", "--rm", "--pull", "always", "--network", "none", "--entrypoint", command[0], image, .. command[1..]]);
        return exitCode == 0 ? null : $"podman could not run a container here (exit {exitCode}):\n{output}";
    }
}
