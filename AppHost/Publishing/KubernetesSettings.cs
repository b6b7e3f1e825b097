using k8s.Models;

namespace AgentCalls.AppHost.Publishing;

/// <summary>The ConfigMap of per-installation settings: the public origin, the telemetry endpoint and plain parameters.</summary>
public static class KubernetesSettings
{
    public const string ConfigMapName = "agentcalls-settings";

    public static V1ConfigMap ConfigMap(AppModel model, string publicOrigin, string otlpEndpoint)
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Settings.PublicOrigin] = publicOrigin,
            [Settings.OtlpEndpoint] = otlpEndpoint,
        };
        foreach (var parameter in model.Parameters.Where(p => !p.Secret))
        {
            data[parameter.Name] = "";
        }
        return new V1ConfigMap
        {
            ApiVersion = "v1", Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = ConfigMapName, Labels = new Dictionary<string, string> { [KubernetesWorkloads.PartOfLabel] = KubernetesWorkloads.PartOf } },
            Data = new Dictionary<string, string>(data),
        };
    }
}
