using AgentCalls.AppHost.Publishing;
using k8s.Models;

namespace AgentCalls.Deploy.Tests;

/// <summary>Structural checks of the Kubernetes objects against the app model (the committed aspire-manifest.json).</summary>
public sealed class KubernetesObjectsTests
{
    public static TheoryData<string> Folders => ["base", "overlays/dev", "overlays/prod"];

    private static readonly List<object> Base = [.. DeployFolder.Objects()];
    private static readonly List<object> Dev = [.. DeployFolder.Objects("overlays/dev")];
    private static readonly List<V1Deployment> Deployments = [.. Base.OfType<V1Deployment>()];

    [Theory]
    [MemberData(nameof(Folders))]
    public void EveryObject_DecodesIntoTheTypedModelWithNoUnknownField(string folder)
    {
        var objects = DeployFolder.Objects(folder);
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.IsAssignableFrom<IMetadata<V1ObjectMeta>>(o));
    }

    [Fact]
    public void EveryWorkload_HasADeploymentServiceAndDisruptionBudget()
    {
        foreach (var workload in DeployFolder.Model.Workloads)
        {
            Assert.Single(Deployments, d => d.Name() == workload.Name);
            Assert.Single(Base.OfType<V1Service>(), s => s.Name() == workload.Name);
            Assert.Single(Base.OfType<V1PodDisruptionBudget>(), s => s.Name() == workload.Name);
        }
        Assert.Equal(
            Sizing.Autoscaled.Order(StringComparer.Ordinal),
            Base.OfType<V2HorizontalPodAutoscaler>().Select(h => h.Spec.ScaleTargetRef.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryVariableTheAppHostSets_IsSet()
    {
        foreach (var workload in DeployFolder.Model.Workloads)
        {
            var set = Container(workload.Name).Env.Select(e => e.Name).ToHashSet();
            var expected = workload.Environment.Keys
                .Where(k => k is not ("PORT" or "HTTP_PORTS") && !k.StartsWith("Kestrel__", StringComparison.Ordinal));
            Assert.All(expected, name => Assert.Contains(name, set));
            Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", set);
            Assert.Contains("OTEL_SERVICE_NAME", set);
            Assert.All(workload.Endpoints, e => Assert.Contains(workload.Kind == WorkloadKind.Node ? "PORT" : $"Kestrel__Endpoints__{e.Name}__Url", set));
        }
    }

    [Fact]
    public void ConnectionStringsAndSecretParameters_AreSecretReferencesDocumentedInTheGuide()
    {
        var guide = File.ReadAllText(Path.Combine(DeployFolder.Root, "README.md"));
        var references = Base.Concat(Dev).OfType<V1Deployment>().Select(d => d.Spec.Template.Spec)
            .Concat(Dev.OfType<V1StatefulSet>().Select(s => s.Spec.Template.Spec))
            .SelectMany(p => p.Containers).SelectMany(c => c.Env ?? [])
            .ToList();
        Assert.All(references.Where(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || e.Name.EndsWith("Secret", StringComparison.Ordinal)),
            e => Assert.NotNull(e.ValueFrom?.SecretKeyRef));
        foreach (var secret in references.Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>().DistinctBy(s => (s.Name, s.Key)))
        {
            Assert.Contains($"`{secret.Name}`", guide);
            Assert.Contains($"`{secret.Key}`", guide);
        }
    }

    [Fact]
    public void Probes_PointAtDeclaredPorts()
    {
        foreach (var container in Deployments.Select(d => d.Spec.Template.Spec.Containers.Single()))
        {
            var ports = container.Ports.Select(p => p.ContainerPort.ToString()).ToList();
            foreach (var probe in new[] { container.StartupProbe, container.LivenessProbe, container.ReadinessProbe })
            {
                Assert.Contains(probe.HttpGet.Port.Value, ports);
            }
        }
    }

    [Fact]
    public void Selectors_MatchTheirPodsLabels()
    {
        foreach (var deployment in Deployments)
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.All(deployment.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key]));
            var service = Base.OfType<V1Service>().Single(s => s.Name() == deployment.Name());
            Assert.All(service.Spec.Selector, l => Assert.Equal(l.Value, labels[l.Key]));
            var portNames = deployment.Spec.Template.Spec.Containers.Single().Ports.Select(p => p.Name).ToList();
            Assert.All(service.Spec.Ports, p => Assert.Contains(p.TargetPort.Value, portNames));
        }
    }

    [Fact]
    public void OnlyTheGateway_IsReachableFromOutside()
    {
        Assert.All(Base.Concat(Dev).OfType<V1Service>(), s => Assert.True(s.Spec.Type is null or "ClusterIP", s.Name()));
        var ingress = Assert.Single(Base.OfType<V1Ingress>());
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), p => Assert.Equal("gateway", p.Backend.Service.Name));
        Assert.Equal("3600", ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]);
    }

    [Fact]
    public void EachNetworkPolicy_AllowsExactlyTheCallersTheAppModelDeclares()
    {
        var policies = Base.Concat(Dev).OfType<V1NetworkPolicy>().ToList();
        var resources = DeployFolder.Manifest["resources"]!.AsObject();
        foreach (var workload in DeployFolder.Model.Workloads.Where(w => !w.IsExternal))
        {
            // Read from the raw manifest: who has an environment value naming this workload's endpoints.
            var callers = resources.Where(r => r.Value!["env"]?.AsObject().Any(e => ((string)e.Value!).Contains($"{{{workload.Name}.bindings.")) == true)
                .Select(r => r.Key).Where(r => r != workload.Name).Order(StringComparer.Ordinal);
            Assert.Equal(callers, Allowed(policies, workload.Name));
        }
        foreach (var store in AppModel.Stores)
        {
            var users = resources.Where(r => r.Value!["env"]?.AsObject().Any(e => ((string)e.Value!).StartsWith("{", StringComparison.Ordinal)
                && DeployFolder.Model.ConnectionStrings.TryGetValue(((string)e.Value!).Trim('{', '}').Split('.')[0], out var server) && server == store) == true)
                .Select(r => r.Key).Order(StringComparer.Ordinal);
            Assert.Equal(users, Allowed(policies, store));
        }
        var gateway = Assert.Single(policies, p => p.Name() == "gateway-ingress");
        Assert.Null(Assert.Single(gateway.Spec.Ingress).FromProperty);
        var deny = Assert.Single(policies, p => p.Name() == KubernetesNetwork.DenyAll);
        Assert.Null(deny.Spec.Ingress);
    }

    private static IEnumerable<string> Allowed(List<V1NetworkPolicy> policies, string target) =>
        Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is { } labels
                && labels.TryGetValue(KubernetesWorkloads.NameLabel, out var name) && name == target)
            .Spec.Ingress.Single().FromProperty.Select(f => f.PodSelector.MatchLabels[KubernetesWorkloads.NameLabel]).Order(StringComparer.Ordinal);

    private static V1Container Container(string name) => Deployments.Single(d => d.Name() == name).Spec.Template.Spec.Containers.Single();
}
