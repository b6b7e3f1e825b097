using System.Text;
using k8s;
using k8s.Models;

namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// Writes <c>kubernetes/</c>: a Kustomize base with every workload, and two overlays: <c>dev</c> (a trial install
/// with Postgres and Redis in the cluster) and <c>prod</c> (managed Postgres and Redis, TLS, images from a registry).
/// Needs kustomize v4 or later (kubectl 1.21+): Debian 12's kubectl 1.20 does not know <c>patches</c>.
/// </summary>
public static class KubernetesWriter
{
    public const string Header = "# Written by scripts/publish.sh from the AppHost's app model. Do not edit: change AppHost/ and publish.\n";
    private const string ProdOrigin = "https://agentcalls.example.com";
    private const string DevOrigin = "http://agentcalls.localtest.me";

    public static void Write(AppModel model, string directory)
    {
        var settings = new Settings(model, (target, endpoint) => $"http://{target.Name}:{Ports.Of(target, endpoint.Name)}");
        var frontDoor = model.Workloads.Single(w => w.IsExternal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["base/settings.yaml"] = Yaml(KubernetesSettings.ConfigMap(model, ProdOrigin, "http://otel-collector:4317")),
            ["base/network-policies.yaml"] = Yaml([.. KubernetesNetwork.Policies(model)]),
            ["base/ingress.yaml"] = Yaml(KubernetesNetwork.Ingress(frontDoor, new Uri(ProdOrigin).Host)),
            ["overlays/dev/stores.yaml"] = Yaml([.. KubernetesStores.For(model)]),
            ["overlays/dev/public-origin.yaml"] = Yaml(
                KubernetesSettings.ConfigMap(model, DevOrigin, "http://otel-collector:4317"),
                KubernetesNetwork.Ingress(frontDoor, new Uri(DevOrigin).Host)),
            ["overlays/prod/tls.yaml"] = Yaml(Tls(KubernetesNetwork.Ingress(frontDoor, new Uri(ProdOrigin).Host))),
        };
        foreach (var workload in model.Workloads)
        {
            files[$"base/{workload.Name}.yaml"] = Yaml([.. KubernetesWorkloads.For(workload, settings.For(workload))]);
        }
        files["base/kustomization.yaml"] = Kustomization(
            files.Keys.Where(f => f.StartsWith("base/", StringComparison.Ordinal)).Select(f => f["base/".Length..]), extra: "");
        files["overlays/dev/kustomization.yaml"] = Kustomization(["../../base", "stores.yaml"],
            Patches("public-origin.yaml") + Images(model, "localhost:5000/agentcalls", "latest"));
        files["overlays/prod/kustomization.yaml"] = Kustomization(["../../base"],
            Patches("tls.yaml") + Images(model, "registry.example.com/agentcalls", "1.0.0"));

        foreach (var (path, text) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static V1Ingress Tls(V1Ingress ingress)
    {
        ingress.Spec.Tls = [new V1IngressTLS { Hosts = [ingress.Spec.Rules[0].Host], SecretName = "agentcalls-tls" }];
        return ingress;
    }

    private static string Yaml(params object[] objects) =>
        Header + string.Join("---\n", objects.Select(o => KubernetesYaml.Serialize(o).TrimEnd('\n') + "\n"));

    private static string Kustomization(IEnumerable<string> resources, string extra) =>
        Header + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: agentcalls\nresources:\n"
        + string.Concat(resources.Select(r => $"- {r}\n")) + extra;

    private static string Patches(string file) => $"patches:\n- path: {file}\n";

    private static string Images(AppModel model, string registry, string tag)
    {
        var text = new StringBuilder("images:\n");
        foreach (var workload in model.Workloads)
        {
            text.Append($"- name: agentcalls/{workload.Name}\n  newName: {registry}/{workload.Name}\n  newTag: \"{tag}\"\n");
        }
        return text.ToString();
    }
}
