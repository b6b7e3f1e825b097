namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// Turns a workload's manifest environment into settings: connection strings and secret parameters become secret
/// references, the gateway's external address becomes the public origin the operator sets, another workload's
/// endpoint becomes its in-cluster address, and telemetry follows the OpenTelemetry conventions.
/// </summary>
public sealed class Settings(AppModel model, Func<Workload, Endpoint, string> address)
{
    /// <summary>Kubernetes Secret / Key Vault secret holding the connection strings, one key per connection name.</summary>
    public const string ConnectionsStore = "agentcalls-connections";

    /// <summary>Kubernetes Secret / Key Vault secret holding the AppHost's secret parameters, one key per parameter.</summary>
    public const string SecretsStore = "agentcalls-secrets";

    /// <summary>The browser's origin (https://calls.example.com), where the gateway is reachable.</summary>
    public const string PublicOrigin = "public-origin";

    /// <summary>Where OTLP telemetry goes (an OpenTelemetry Collector or the Aspire dashboard).</summary>
    public const string OtlpEndpoint = "otlp-endpoint";

    public const string PublicOriginVariable = "AGENTCALLS_PUBLIC_ORIGIN";

    public IReadOnlyList<Setting> For(Workload workload)
    {
        var settings = new List<Setting>();
        var usesOrigin = workload.Environment.Values.Any(v => v.Contains(".url}") && ExternalUrl(v));
        if (usesOrigin)
        {
            // Declared first: Kubernetes expands $(NAME) only from variables declared before.
            settings.Add(new Setting.Config(PublicOriginVariable, PublicOrigin));
        }
        settings.AddRange(Listening(workload));
        foreach (var (name, value) in workload.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (IsLocalOnly(name))
            {
                continue;
            }
            settings.Add(Resolve(workload, name, value));
        }
        settings.Add(new Setting.Config("OTEL_EXPORTER_OTLP_ENDPOINT", OtlpEndpoint));
        settings.Add(new Setting.Literal("OTEL_SERVICE_NAME", workload.Name));
        return settings;
    }

    /// <summary>Set by the AppHost for its own processes; in a container the listening settings above replace them.</summary>
    private static bool IsLocalOnly(string name) =>
        name is "PORT" or "HTTP_PORTS" or "HTTPS_PORTS" or "ASPNETCORE_URLS" or "OTEL_SERVICE_NAME" or "OTEL_EXPORTER_OTLP_ENDPOINT"
        || name.StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal);

    private static IEnumerable<Setting> Listening(Workload workload) => workload.Kind == WorkloadKind.Node
        ? [new Setting.Literal("PORT", Ports.Http(workload).ToString()), new Setting.Literal("HOSTNAME", "0.0.0.0")]
        : workload.Endpoints.Select(e => new Setting.Literal($"Kestrel__Endpoints__{e.Name}__Url", $"http://+:{Ports.Of(workload, e.Name)}"));

    private bool ExternalUrl(string value) => AppModel.Placeholder().Matches(value).Any(m =>
        m.Groups["path"].Value.EndsWith(".url") && model.Workloads.FirstOrDefault(w => w.Name == m.Groups["resource"].Value) is { } target
        && target.Endpoints.Single(e => e.Name == m.Groups["path"].Value.Split('.')[1]).External);

    private Setting Resolve(Workload workload, string name, string value)
    {
        var placeholders = AppModel.Placeholder().Matches(value);
        if (placeholders.Count == 1 && placeholders[0].Value == value)
        {
            var resource = placeholders[0].Groups["resource"].Value;
            if (model.ConnectionStrings.ContainsKey(resource))
            {
                return new Setting.Secret(name, ConnectionsStore, resource);
            }
            if (model.Parameters.FirstOrDefault(p => p.Name == resource) is { } parameter)
            {
                return parameter.Secret ? new Setting.Secret(name, SecretsStore, resource) : new Setting.Config(name, resource);
            }
        }
        var literal = AppModel.Placeholder().Replace(value, m => Substitute(workload, name, m.Groups["resource"].Value, m.Groups["path"].Value));
        return new Setting.Literal(name, literal);
    }

    private string Substitute(Workload workload, string name, string resource, string path)
    {
        var parts = path.Split('.');
        if (parts is ["bindings", var endpointName, var part] && model.Workloads.FirstOrDefault(w => w.Name == resource) is { } target)
        {
            var endpoint = target.Endpoints.Single(e => e.Name == endpointName);
            return part switch
            {
                "url" => endpoint.External ? $"$({PublicOriginVariable})" : address(target, endpoint),
                "targetPort" or "port" => Ports.Of(target, endpointName).ToString(),
                "host" => target.Name,
                _ => throw Unsupported(workload, name, $"{resource}.{path}"),
            };
        }
        throw Unsupported(workload, name, $"{resource}.{path}");
    }

    private static NotSupportedException Unsupported(Workload workload, string name, string reference) =>
        new($"{workload.Name}: {name} uses {{{reference}}}, which the deployment writers do not know how to place; teach AppHost/Publishing/Settings.cs.");
}
