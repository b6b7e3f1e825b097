using System.Text.Json;

namespace AgentCalls.TestSupport;

/// <summary>The gateway's routes as its appsettings.json declares them.</summary>
public static class GatewayRoutes
{
    /// <summary>
    /// The rule every upload route follows: the gateway bounds the body at the service's own limit plus 1 MiB, so an
    /// oversized file meets the service's answer naming the field and the limit, and nothing larger gets past the gateway.
    /// </summary>
    public const long UploadMargin = 1024 * 1024;

    public static long MaxRequestBodySize(string routeId)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Gateway", "appsettings.json")));
        return settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").GetProperty(routeId).GetProperty("MaxRequestBodySize").GetInt64();
    }
}
