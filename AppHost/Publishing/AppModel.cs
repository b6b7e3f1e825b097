using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// The app model as Aspire's manifest publisher writes it: the workloads (projects and executables), the backing
/// stores with connection strings (each mapped to the server it lives on: a database to its Postgres), and the
/// parameters, and the images of the containers (the stores, when published). The Kubernetes and Container Apps writers read only this, so
/// a service, reference or setting added in AppHost.cs reaches both outputs on the next publish.
/// </summary>
public sealed partial record AppModel(
    IReadOnlyList<Workload> Workloads,
    IReadOnlyDictionary<string, string> ConnectionStrings,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyDictionary<string, string> Images)
{
    /// <summary>The stores the AppHost runs itself; deployed either in-cluster (dev) or as managed services (prod).</summary>
    public static readonly string[] Stores = ["postgres", "redis"];

    public Workload Workload(string name) => Workloads.Single(w => w.Name == name);

    /// <summary>The workloads that connect to <paramref name="store"/>, directly or through one of its databases.</summary>
    public IEnumerable<Workload> UsersOf(string store) =>
        Workloads.Where(w => w.References.Any(r => ConnectionStrings.TryGetValue(r, out var server) && server == store));

    /// <summary>The workloads that call <paramref name="workload"/>'s endpoints.</summary>
    public IEnumerable<Workload> CallersOf(Workload workload) => Workloads.Where(w => w.Uses(workload.Name));

    public static AppModel Read(JsonObject manifest)
    {
        var resources = manifest["resources"]!.AsObject();
        var workloads = new List<Workload>();
        var parameters = new List<Parameter>();
        // An empty connection string is one of Aspire's conditional parts (e.g. ",ssl=true" when TLS is on), not a store.
        var connectionStrings = resources
            .Where(r => (string?)r.Value!["connectionString"] is { Length: > 0 })
            .ToDictionary(r => r.Key, r => Server(resources, r.Key));
        foreach (var (name, node) in resources.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var resource = node!.AsObject();
            var type = (string)resource["type"]!;
            if (type == "parameter.v0")
            {
                parameters.Add(new Parameter(name, resource["inputs"]?["value"]?["secret"]?.GetValue<bool>() ?? false));
            }
            else if (type is "project.v0" or "project.v1" or "executable.v0")
            {
                workloads.Add(ReadWorkload(name, resource, connectionStrings.Keys));
            }
        }
        var images = resources
            .Where(r => (string?)r.Value!["type"] == "container.v0")
            .ToDictionary(r => r.Key, r => (string)r.Value!["image"]!);
        return new AppModel(workloads, connectionStrings, parameters, images);
    }

    private static string Server(JsonObject resources, string name)
    {
        var connectionString = (string)resources[name]!["connectionString"]!;
        var inner = Placeholder().Matches(connectionString).FirstOrDefault(m =>
            m.Groups["resource"].Value != name && m.Groups["path"].Value == "connectionString"
            && (string?)resources[m.Groups["resource"].Value]!["connectionString"] is { Length: > 0 });
        return inner is null ? name : Server(resources, inner.Groups["resource"].Value);
    }

    private static Workload ReadWorkload(string name, JsonObject resource, IEnumerable<string> connectionNames)
    {
        // TLS ends at the ingress: the https endpoints of the local launch profiles are not deployed. "http" comes first,
        // so it gets the first port (Ports).
        var endpoints = (resource["bindings"]?.AsObject() ?? [])
            .Where(b => (string?)b.Value!["scheme"] != "https")
            .Select(b => new Endpoint(b.Key, (string?)b.Value!["transport"] == "http2", b.Value!["external"]?.GetValue<bool>() ?? false))
            .OrderBy(e => e.Name != "http")
            .ToList();
        var env = (resource["env"]?.AsObject() ?? [])
            .Where(e => !((string)e.Value!).Contains(".bindings.https.", StringComparison.Ordinal))
            // <NAME>_HOST, _PORT, _PASSWORD, _URI…: Aspire's connection properties; the services read ConnectionStrings__<name>.
            .Where(e => !connectionNames.Any(c => e.Key.StartsWith(c.ToUpperInvariant() + "_", StringComparison.Ordinal)))
            .ToDictionary(e => e.Key, e => (string)e.Value!);
        var references = env.Values
            .SelectMany(value => Placeholder().Matches(value).Select(m => m.Groups["resource"].Value))
            .Where(r => r != name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var kind = (string)resource["type"]! == "executable.v0" ? WorkloadKind.Node : WorkloadKind.DotNet;
        return new Workload(name, kind, endpoints, env, references);
    }

    /// <summary><c>{resource.part…}</c>, the manifest's reference to another resource's value.</summary>
    [GeneratedRegex(@"\{(?<resource>[a-z0-9-]+)\.(?<path>[a-zA-Z0-9.]+)\}")]
    public static partial Regex Placeholder();
}

public enum WorkloadKind { DotNet, Node }

/// <summary>A process the system runs: a .NET project or the web app.</summary>
public sealed record Workload(
    string Name,
    WorkloadKind Kind,
    IReadOnlyList<Endpoint> Endpoints,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> References)
{
    public bool IsExternal => Endpoints.Any(e => e.External);

    public bool Uses(string resource) => References.Contains(resource);
}

/// <summary>An endpoint a workload listens on; HTTP/2-only endpoints carry gRPC.</summary>
public sealed record Endpoint(string Name, bool Http2, bool External);

public sealed record Parameter(string Name, bool Secret);
