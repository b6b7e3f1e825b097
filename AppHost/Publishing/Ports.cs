namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// Fixed ports inside a container (the AppHost hands out random ones locally): a workload's endpoints in manifest
/// order listen on 8080, 8081, … so probes, Services and policies agree without reading each service's settings.
/// </summary>
public static class Ports
{
    public const int First = 8080;

    public static int Of(Workload workload, string endpoint) =>
        First + workload.Endpoints.ToList().FindIndex(e => e.Name == endpoint) is var port && port >= First
            ? port
            : throw new InvalidOperationException($"{workload.Name} has no endpoint '{endpoint}'.");

    public static int Http(Workload workload) => Of(workload, "http");
}
