using System.Text.RegularExpressions;
using k8s.Models;

namespace AgentCalls.Deploy.Tests.Smoke;

/// <summary>
/// One Deployment of the manifests as a podman container on the host's network. Its image (as the dev overlay names
/// it), environment and security context are the Deployment's; only what a cluster would provide is filled in here:
/// each address <c>http://NAME:PORT</c> (a Service) or <c>http://+:PORT</c> (a listener) becomes a loopback port of its
/// own, since every workload shares the host's network; the ConfigMap's public origin is the gateway's address; a
/// secret is the value <c>secrets</c> holds for it; <c>$(NAME)</c> is expanded as the kubelet does.
/// </summary>
public sealed partial class SmokeWorkload
{
    public const string Registry = "localhost:5000";

    private SmokeWorkload(V1Deployment deployment, IReadOnlyDictionary<int, int> ports)
    {
        Deployment = deployment;
        Ports = ports;
    }

    public V1Deployment Deployment { get; }

    public string Name => Deployment.Metadata.Name;

    public V1Container Container => Deployment.Spec.Template.Spec.Containers.Single();

    /// <summary>The image the dev overlay runs: the base's name in the local registry.</summary>
    public string Image => $"{Registry}/{Container.Image}:latest";

    /// <summary>Container port → the loopback port it listens on here.</summary>
    public IReadOnlyDictionary<int, int> Ports { get; }

    /// <summary>Where the readiness probe asks, on the host.</summary>
    public Uri ReadinessUrl =>
        new($"http://127.0.0.1:{Ports[int.Parse(Container.ReadinessProbe.HttpGet.Port.Value)]}{Container.ReadinessProbe.HttpGet.Path}");

    /// <summary>Each Deployment with a loopback port for each of its container ports.</summary>
    public static IReadOnlyList<SmokeWorkload> From(IEnumerable<V1Deployment> deployments) =>
        deployments.Select(d => new SmokeWorkload(
            d, d.Spec.Template.Spec.Containers.Single().Ports.ToDictionary(p => p.ContainerPort, _ => TestSupport.FreePort.Next()))).ToList();

    /// <summary>The container's environment, resolved as described above; variables with nothing to refer to are left out.</summary>
    public IReadOnlyDictionary<string, string> Environment(
        IReadOnlyList<SmokeWorkload> all, Uri publicOrigin, IReadOnlyDictionary<(string Secret, string Key), string> secrets)
    {
        var environment = new Dictionary<string, string>();
        foreach (var variable in Container.Env)
        {
            var value = variable.ValueFrom switch
            {
                null => Loopback(variable.Value, all),
                { ConfigMapKeyRef.Key: "public-origin" } => publicOrigin.GetLeftPart(UriPartial.Authority),
                { ConfigMapKeyRef: not null } => null,  // the OTLP collector: there is none here
                { SecretKeyRef: { } secret } => secrets.GetValueOrDefault((secret.Name, secret.Key)),
                _ => null,
            };
            if (value is not null)
            {
                environment[variable.Name] = VariableReference().Replace(value, m => environment.GetValueOrDefault(m.Groups[1].Value, m.Value));
            }
        }

        return environment;
    }

    /// <summary>The options of <c>podman run</c> for the Deployment's security context, its image last.</summary>
    public IEnumerable<string> RunOptions()
    {
        var pod = Deployment.Spec.Template.Spec.SecurityContext;
        var container = Container.SecurityContext;
        yield return "--network=host";
        yield return $"--user={pod.RunAsUser}:{pod.RunAsGroup}";
        if (container.ReadOnlyRootFilesystem == true)
        {
            yield return "--read-only";
        }

        if (container.AllowPrivilegeEscalation == false)
        {
            yield return "--security-opt=no-new-privileges";
        }

        if (container.Capabilities?.Drop?.Contains("ALL") == true)
        {
            yield return "--cap-drop=all";
        }

        var emptyDirs = Deployment.Spec.Template.Spec.Volumes.Where(v => v.EmptyDir is not null).Select(v => v.Name).ToHashSet();
        foreach (var mount in Container.VolumeMounts.Where(m => emptyDirs.Contains(m.Name)))
        {
            yield return $"--tmpfs={mount.MountPath}:rw,mode=1777";
        }

        if (Container.Resources?.Limits?.TryGetValue("memory", out var memory) == true)
        {
            yield return $"--memory={memory.ToInt64()}";
        }

        yield return Image;
    }

    /// <summary><c>http://NAME:PORT</c> and <c>http://+:PORT</c> → a loopback port; a listener on every interface → on loopback.</summary>
    private string Loopback(string value, IReadOnlyList<SmokeWorkload> all)
    {
        if (value == "0.0.0.0")
        {
            return "127.0.0.1";
        }

        if (int.TryParse(value, out var port) && Ports.TryGetValue(port, out var mapped))
        {
            return mapped.ToString();  // a port to listen on (the web app's PORT)
        }

        return Address().Replace(value, m =>
        {
            var owner = m.Groups["host"].Value == "+" ? this : all.SingleOrDefault(w => w.Name == m.Groups["host"].Value);
            return owner is not null && owner.Ports.TryGetValue(int.Parse(m.Groups["port"].Value), out var loopback)
                ? $"http://127.0.0.1:{loopback}"
                : m.Value;
        });
    }

    [GeneratedRegex(@"http://(?<host>\+|[a-z0-9-]+):(?<port>\d+)")]
    private static partial Regex Address();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}
