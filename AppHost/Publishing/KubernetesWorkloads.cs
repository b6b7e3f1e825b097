using k8s;
using k8s.Models;

namespace AgentCalls.AppHost.Publishing;

/// <summary>One workload's Deployment, Service, PodDisruptionBudget and, for the autoscaled ones, its HPA.</summary>
public static class KubernetesWorkloads
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string PartOf = "agentcalls";

    /// <summary>The non-root user of the base image (the same id as Microsoft's .NET images use).</summary>
    public const long AppUser = 1654;

    public static Dictionary<string, string> Labels(string name) => new() { [NameLabel] = name, [PartOfLabel] = PartOf };

    public static Dictionary<string, string> Selector(string name) => new() { [NameLabel] = name };

    public static IEnumerable<IKubernetesObject> For(Workload workload, IReadOnlyList<Setting> settings)
    {
        var sizing = Sizing.For(workload);
        yield return Deployment(workload, settings, sizing);
        yield return Service(workload);
        yield return new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1", Kind = "PodDisruptionBudget",
            Metadata = new V1ObjectMeta { Name = workload.Name, Labels = Labels(workload.Name) },
            Spec = new V1PodDisruptionBudgetSpec
            {
                MaxUnavailable = 1,
                Selector = new V1LabelSelector { MatchLabels = Selector(workload.Name) },
            },
        };
        if (sizing.Autoscales)
        {
            yield return Autoscaler(workload, sizing);
        }
    }

    private static V1Deployment Deployment(Workload workload, IReadOnlyList<Setting> settings, Sizing sizing)
    {
        var http = Ports.Http(workload);
        var container = new V1Container
        {
            Name = workload.Name,
            Image = $"agentcalls/{workload.Name}",
            Ports = workload.Endpoints.Select(e => new V1ContainerPort { Name = e.Name, ContainerPort = Ports.Of(workload, e.Name) }).ToList(),
            Env = settings.Select(Variable).ToList(),
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(sizing.Cpu), ["memory"] = new(sizing.Memory) },
                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(sizing.MemoryLimit) },
            },
            // The web app answers / when up; the .NET services split liveness (/alive) from readiness (/health:
            // database, Redis). Migrations run before a service listens, so the startup probe allows for them.
            StartupProbe = Probe(workload.Kind == WorkloadKind.Node ? "/" : "/alive", http, failureThreshold: 60),
            LivenessProbe = Probe(workload.Kind == WorkloadKind.Node ? "/" : "/alive", http, failureThreshold: 3),
            ReadinessProbe = Probe(workload.Kind == WorkloadKind.Node ? "/" : "/health", http, failureThreshold: 3),
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
            VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
        };
        return new V1Deployment
        {
            ApiVersion = "apps/v1", Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = workload.Name, Labels = Labels(workload.Name) },
            Spec = new V1DeploymentSpec
            {
                Replicas = sizing.MinReplicas,
                Selector = new V1LabelSelector { MatchLabels = Selector(workload.Name) },
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Labels(workload.Name) },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        SecurityContext = new V1PodSecurityContext
                        {
                            RunAsNonRoot = true, RunAsUser = AppUser, RunAsGroup = AppUser, FsGroup = AppUser,
                            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        Containers = [container],
                        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
                    },
                },
            },
        };
    }

    private static V1EnvVar Variable(Setting setting) => setting switch
    {
        Setting.Literal literal => new V1EnvVar { Name = literal.Name, Value = literal.Value },
        Setting.Secret secret => new V1EnvVar
        {
            Name = secret.Name,
            ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret.Store, Key = secret.Key } },
        },
        Setting.Config config => new V1EnvVar
        {
            Name = config.Name,
            ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = KubernetesSettings.ConfigMapName, Key = config.Key } },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    private static V1Probe Probe(string path, int port, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        PeriodSeconds = 10,
        TimeoutSeconds = 5,
        FailureThreshold = failureThreshold,
    };

    private static V1Service Service(Workload workload) => new()
    {
        ApiVersion = "v1", Kind = "Service",
        Metadata = new V1ObjectMeta { Name = workload.Name, Labels = Labels(workload.Name) },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = Selector(workload.Name),
            Ports = workload.Endpoints.Select(e => new V1ServicePort
            {
                Name = e.Name,
                Port = Ports.Of(workload, e.Name),
                TargetPort = e.Name,
                AppProtocol = e.Http2 ? "kubernetes.io/h2c" : "http",
            }).ToList(),
        },
    };

    private static V2HorizontalPodAutoscaler Autoscaler(Workload workload, Sizing sizing) => new()
    {
        ApiVersion = "autoscaling/v2", Kind = "HorizontalPodAutoscaler",
        Metadata = new V1ObjectMeta { Name = workload.Name, Labels = Labels(workload.Name) },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = workload.Name },
            MinReplicas = sizing.MinReplicas,
            MaxReplicas = sizing.MaxReplicas,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 70 },
                    },
                },
            ],
        },
    };
}
