using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using AgentCalls.AppHost.Publishing;
using k8s;

namespace AgentCalls.Deploy.Tests;

/// <summary>The committed <c>deploy/</c> folder, its Kubernetes objects and the app model they came from.</summary>
public static class DeployFolder
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Root { get; } = Path.Combine(RepositoryRoot, "deploy");

    public static string Kubernetes { get; } = Path.Combine(Root, "kubernetes");

    public static JsonObject Manifest { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, DeploymentPublisher.ManifestFile)))!.AsObject();

    public static AppModel Model { get; } = AppModel.Read(Manifest);

    /// <summary>Every object of the base and of <paramref name="overlay"/>'s own files, strictly decoded.</summary>
    public static IReadOnlyList<object> Objects(string overlay = "base") =>
        Files(overlay).SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true)).ToList();

    public static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(Path.Combine(Kubernetes, folder), "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order();

    public static string Metadata(string key) =>
        typeof(DeployFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Whether <paramref name="tool"/> is installed (on PATH).</summary>
    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

    /// <summary>Runs a tool to the end; its exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> Run(string file, params string[] arguments) => Run(file, arguments, _ => { });

    public static async Task<(int ExitCode, string Output)> Run(string file, string[] arguments, Action<IDictionary<string, string?>> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        environment(start.Environment);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
