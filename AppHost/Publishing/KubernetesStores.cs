using k8s;
using k8s.Models;

namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// Postgres and Redis as StatefulSets with volumes, for the dev overlay (a trial install). Production uses managed
/// servers: there only the connection strings in the <c>agentcalls-connections</c> Secret change.
/// </summary>
public static class KubernetesStores
{
    /// <summary>The dev overlay's Secret with the in-cluster Postgres superuser password (key <c>password</c>).</summary>
    public const string PostgresSecret = "agentcalls-dev-postgres";

    public static IEnumerable<IKubernetesObject> For(AppModel model)
    {
        foreach (var (store, port, args) in new[]
        {
            ("postgres", 5432, Array.Empty<string>()),
            // Append-only, fsynced on every write, as the AppHost runs it: events marked published must survive.
            ("redis", 6379, ["redis-server", "--appendonly", "yes", "--appendfsync", "always", "--dir", "/data"]),
        })
        {
            // The AppHost's own images for these servers (Aspire's stock Postgres and Redis resources).
            yield return StatefulSet(store, model.Images[store], port, args);
            yield return new V1Service
            {
                ApiVersion = "v1", Kind = "Service",
                Metadata = new V1ObjectMeta { Name = store, Labels = KubernetesWorkloads.Labels(store) },
                Spec = new V1ServiceSpec
                {
                    ClusterIP = "None",
                    Selector = KubernetesWorkloads.Selector(store),
                    Ports = [new V1ServicePort { Name = "tcp", Port = port, TargetPort = port }],
                },
            };
            yield return KubernetesNetwork.ForStore(model, store, port);
        }
    }

    private static V1StatefulSet StatefulSet(string store, string image, int port, string[] args)
    {
        var dataPath = store == "postgres" ? "/var/lib/postgresql" : "/data";
        var container = new V1Container
        {
            Name = store,
            Image = image,
            Args = args.Length == 0 ? null : args,
            Ports = [new V1ContainerPort { Name = "tcp", ContainerPort = port }],
            Env = store == "postgres"
                ?
                [
                    new V1EnvVar
                    {
                        Name = "POSTGRES_PASSWORD",
                        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = PostgresSecret, Key = "password" } },
                    },
                ]
                : null,
            ReadinessProbe = new V1Probe
            {
                Exec = new V1ExecAction { Command = store == "postgres" ? ["pg_isready", "-U", "postgres"] : ["redis-cli", "ping"] },
                PeriodSeconds = 5,
            },
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("256Mi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("1Gi") },
            },
            VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = dataPath }],
        };
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1", Kind = "StatefulSet",
            Metadata = new V1ObjectMeta { Name = store, Labels = KubernetesWorkloads.Labels(store) },
            Spec = new V1StatefulSetSpec
            {
                ServiceName = store,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = KubernetesWorkloads.Selector(store) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = KubernetesWorkloads.Labels(store) },
                    Spec = new V1PodSpec { AutomountServiceAccountToken = false, Containers = [container] },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data" },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("5Gi") } },
                        },
                    },
                ],
            },
        };
    }
}
