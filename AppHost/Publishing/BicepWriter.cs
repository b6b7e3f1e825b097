using System.Text;
using System.Text.RegularExpressions;

namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// Writes <c>azure/main.bicep</c>: one Container App per workload in an existing Container Apps environment, internal
/// ingress for all but the gateway, every secret a Key Vault reference read with one user-assigned identity, scale
/// rules, Dapr off. Connection strings of the managed Postgres and Redis are Key Vault secrets named
/// <c>connectionstrings-&lt;name&gt;</c>; the AppHost's secret parameters are <c>secrets-&lt;name&gt;</c>.
/// </summary>
public static partial class BicepWriter
{
    public static string KeyVaultSecret(Setting.Secret secret) =>
        secret.Store == Settings.ConnectionsStore ? $"connectionstrings-{secret.Key}" : $"secrets-{secret.Key}";

    public static void Write(AppModel model, string directory)
    {
        // Inside an environment an app's main ingress answers on port 80 under its name; extra ports keep their number.
        var settings = new Settings(model, (target, endpoint) => target.Endpoints[0] == endpoint
            ? $"http://{target.Name}"
            : $"http://{target.Name}:{Ports.Of(target, endpoint.Name)}");
        var workloads = model.Workloads.Select(w => (Workload: w, Settings: settings.For(w))).ToList();
        var configKeys = workloads.SelectMany(w => w.Settings).OfType<Setting.Config>().Select(c => c.Key).Distinct().Order(StringComparer.Ordinal);

        var text = new StringBuilder(KubernetesWriter.Header.Replace("# ", "// "));
        text.Append("""

            @description('Azure region of the apps.')
            param location string = resourceGroup().location

            @description('Resource id of the Container Apps environment the apps run in.')
            param environmentId string

            @description('Registry server the images are pulled from, e.g. myregistry.azurecr.io.')
            param registry string

            @description('Image tag to deploy (every image carries the same tag).')
            param imageTag string

            @description('Resource id of the user-assigned identity that pulls images (AcrPull) and reads Key Vault secrets (Key Vault Secrets User).')
            param identityId string

            @description('Key Vault URI holding the secrets, with the trailing slash, e.g. https://agentcalls-kv.vault.azure.net/.')
            param keyVaultUri string

            """);
        foreach (var key in configKeys)
        {
            text.Append($"\n@description('{Describe(key)}')\nparam {Identifier(key)} string\n");
        }
        foreach (var (workload, workloadSettings) in workloads)
        {
            text.Append(App(workload, workloadSettings));
        }
        text.Append($"\n@description('The public address of the system (the gateway\\'s ingress).')\noutput gatewayFqdn string = {Identifier(model.Workloads.Single(w => w.IsExternal).Name)}.properties.configuration.ingress.fqdn\n");

        Directory.CreateDirectory(Path.Combine(directory, "azure"));
        File.WriteAllText(Path.Combine(directory, "azure", "main.bicep"), text.ToString());
    }

    private static string Describe(string key) => key switch
    {
        Settings.PublicOrigin => "The browser\\'s origin: the gateway\\'s custom domain, e.g. https://calls.example.com.",
        Settings.OtlpEndpoint => "OTLP endpoint (gRPC) of the OpenTelemetry collector that receives traces, metrics and logs.",
        _ => $"The AppHost parameter {key}.",
    };

    private static string App(Workload workload, IReadOnlyList<Setting> settings)
    {
        var sizing = Sizing.For(workload);
        var (cpu, memory) = workload.Name == "transcription" ? ("1.0", "2Gi") : workload.Kind == WorkloadKind.Node ? ("0.25", "0.5Gi") : ("0.5", "1Gi");
        var secrets = settings.OfType<Setting.Secret>().DistinctBy(s => SecretName(s)).ToList();
        var http = Ports.Http(workload);
        var probes = workload.Kind == WorkloadKind.Node
            ? (Live: "/", Ready: "/")
            : (Live: "/alive", Ready: "/health");
        var text = new StringBuilder($$"""

            resource {{Identifier(workload.Name)}} 'Microsoft.App/containerApps@2024-03-01' = {
              name: '{{workload.Name}}'
              location: location
              identity: {
                type: 'UserAssigned'
                userAssignedIdentities: {
                  '${identityId}': {}
                }
              }
              properties: {
                environmentId: environmentId
                configuration: {
                  activeRevisionsMode: 'Single'
                  dapr: {
                    enabled: false
                  }
                  ingress: {
                    external: {{(workload.IsExternal ? "true" : "false")}}
                    targetPort: {{http}}
                    transport: 'auto'
                    allowInsecure: {{(workload.IsExternal ? "false" : "true")}}

            """);
        var extra = workload.Endpoints.Skip(1).ToList();
        if (extra.Count > 0)
        {
            text.Append("        additionalPortMappings: [\n");
            foreach (var endpoint in extra)
            {
                var port = Ports.Of(workload, endpoint.Name);
                text.Append($"          {{\n            external: false\n            targetPort: {port}\n            exposedPort: {port}\n          }}\n");
            }
            text.Append("        ]\n");
        }
        text.Append("      }\n      registries: [\n        {\n          server: registry\n          identity: identityId\n        }\n      ]\n");
        text.Append("      secrets: [\n");
        foreach (var secret in secrets)
        {
            text.Append($"        {{\n          name: '{SecretName(secret)}'\n          keyVaultUrl: '${{keyVaultUri}}secrets/{KeyVaultSecret(secret)}'\n          identity: identityId\n        }}\n");
        }
        text.Append("      ]\n    }\n    template: {\n      containers: [\n        {\n");
        text.Append($"          name: '{workload.Name}'\n          image: '${{registry}}/agentcalls/{workload.Name}:${{imageTag}}'\n");
        text.Append($"          resources: {{\n            cpu: json('{cpu}')\n            memory: '{memory}'\n          }}\n          env: [\n");
        foreach (var setting in settings)
        {
            text.Append($"            {{\n              name: '{setting.Name}'\n              {Value(setting)}\n            }}\n");
        }
        text.Append("          ]\n          probes: [\n");
        foreach (var (type, path, failures) in new[] { ("Startup", probes.Live, 60), ("Liveness", probes.Live, 3), ("Readiness", probes.Ready, 3) })
        {
            text.Append($"            {{\n              type: '{type}'\n              httpGet: {{\n                path: '{path}'\n                port: {http}\n              }}\n              periodSeconds: 10\n              failureThreshold: {failures}\n            }}\n");
        }
        text.Append("          ]\n        }\n      ]\n");
        text.Append($"      scale: {{\n        minReplicas: {sizing.MinReplicas}\n        maxReplicas: {sizing.MaxReplicas}\n");
        if (sizing.Autoscales)
        {
            text.Append("        rules: [\n          {\n            name: 'http-load'\n            http: {\n              metadata: {\n                concurrentRequests: '50'\n              }\n            }\n          }\n        ]\n");
        }
        text.Append("      }\n    }\n  }\n}\n");
        return text.ToString();
    }

    private static string SecretName(Setting.Secret secret) => KeyVaultSecret(secret);

    private static string Value(Setting setting) => setting switch
    {
        Setting.Secret secret => $"secretRef: '{SecretName(secret)}'",
        Setting.Config config => $"value: {Identifier(config.Key)}",
        Setting.Literal literal => $"value: '{Interpolate(literal.Value)}'",
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>Container Apps does not expand <c>$(NAME)</c>: the public origin is interpolated from its parameter.</summary>
    private static string Interpolate(string value) =>
        KubernetesVariable().Replace(value.Replace("\\", "\\\\").Replace("'", "\\'").Replace("${", "\\${"), m => m.Groups[1].Value == Settings.PublicOriginVariable
            ? $"${{{Identifier(Settings.PublicOrigin)}}}"
            : throw new NotSupportedException($"No Container Apps value for $({m.Groups[1].Value})."));

    private static string Identifier(string name)
    {
        var parts = name.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    [GeneratedRegex(@"\$\(([A-Z_]+)\)")]
    private static partial Regex KubernetesVariable();
}
