using k8s.Models;

namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// What may reach what: a default deny for the system's pods, then for each workload (and in-cluster store) exactly
/// the callers the app model declares; only the gateway takes traffic from outside, through one Ingress.
/// </summary>
public static class KubernetesNetwork
{
    public const string DenyAll = "agentcalls-deny-ingress";

    /// <summary>Live calls (<c>/api/calls/{id}/live</c>) are WebSockets held for the whole call.</summary>
    private const string WebSocketTimeoutSeconds = "3600";

    public static IEnumerable<V1NetworkPolicy> Policies(AppModel model)
    {
        yield return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1", Kind = "NetworkPolicy",
            Metadata = new V1ObjectMeta { Name = DenyAll },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [KubernetesWorkloads.PartOfLabel] = KubernetesWorkloads.PartOf } },
                PolicyTypes = ["Ingress"],
            },
        };
        foreach (var workload in model.Workloads)
        {
            var ports = workload.Endpoints.Select(e => Ports.Of(workload, e.Name));
            yield return workload.IsExternal
                ? Allow(workload.Name, ports, callers: null)
                : Allow(workload.Name, ports, model.CallersOf(workload).Select(w => w.Name));
        }
    }

    /// <summary>The in-cluster store <paramref name="store"/> answers only the workloads that use it.</summary>
    public static V1NetworkPolicy ForStore(AppModel model, string store, int port) =>
        Allow(store, [port], model.UsersOf(store).Select(w => w.Name));

    /// <summary>Allows <paramref name="callers"/> (anyone when null) to reach <paramref name="target"/> on <paramref name="ports"/>.</summary>
    private static V1NetworkPolicy Allow(string target, IEnumerable<int> ports, IEnumerable<string>? callers) => new()
    {
        ApiVersion = "networking.k8s.io/v1", Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = $"{target}-ingress", Labels = KubernetesWorkloads.Labels(target) },
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = KubernetesWorkloads.Selector(target) },
            PolicyTypes = ["Ingress"],
            Ingress =
            [
                new V1NetworkPolicyIngressRule
                {
                    FromProperty = callers?.Order(StringComparer.Ordinal)
                        .Select(c => new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = KubernetesWorkloads.Selector(c) } })
                        .ToList(),
                    Ports = ports.Select(p => new V1NetworkPolicyPort { Port = p, Protocol = "TCP" }).ToList(),
                },
            ],
        },
    };

    public static V1Ingress Ingress(Workload frontDoor, string host) => new()
    {
        ApiVersion = "networking.k8s.io/v1", Kind = "Ingress",
        Metadata = new V1ObjectMeta
        {
            Name = frontDoor.Name,
            Labels = KubernetesWorkloads.Labels(frontDoor.Name),
            // ingress-nginx upgrades WebSockets by itself; these keep a live call's socket open past the 60 s default.
            Annotations = new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/proxy-read-timeout"] = WebSocketTimeoutSeconds,
                ["nginx.ingress.kubernetes.io/proxy-send-timeout"] = WebSocketTimeoutSeconds,
                ["nginx.ingress.kubernetes.io/proxy-body-size"] = "0",
            },
        },
        Spec = new V1IngressSpec
        {
            IngressClassName = "nginx",
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = frontDoor.Name, Port = new V1ServiceBackendPort { Name = "http" } },
                                },
                            },
                        ],
                    },
                },
            ],
        },
    };
}
