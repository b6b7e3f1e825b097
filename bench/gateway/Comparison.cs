using System.Net;
using System.Net.Http.Headers;

namespace AgentCalls.Bench.Gateway;

/// <summary>
/// The load generator: the same REST GET directly against the service's REST face and through the gateway, in
/// alternating rounds at two loads (saturating, and one request at a time), then the side-by-side table.
/// </summary>
public static class Comparison
{
    public const string PathAndQuery = "/api/transcription/usage";

    public static async Task<int> RunAsync(BenchOptions options, string accessToken, CancellationToken cancellationToken)
    {
        if (options.Service is null || options.Gateway is null || accessToken.Length == 0)
        {
            throw new ArgumentException($"measure needs --service, --gateway and an access token in {BenchRun.TokenVariable}.");
        }

        // The service's REST face is its HTTP/2-only endpoint (cleartext, so prior knowledge); the gateway speaks
        // HTTP/1.1 to clients. Each pool allows one connection per request in flight; HTTP/2 multiplexes on one.
        using var direct = Client(options.Service, HttpVersion.Version20, options.Concurrency, accessToken);
        using var gateway = Client(options.Gateway, HttpVersion.Version11, options.Concurrency, accessToken);
        Side[] sides = [new("direct", direct), new("gateway", gateway)];
        Load[] loads = [new($"{options.Concurrency} in flight", options.Concurrency), new("1 in flight", 1)];
        var report = new ComparisonReport(loads);
        report.PrintHeader(options);

        await CheckSameAnswerAsync(direct, gateway, cancellationToken);
        var warmups = new List<string>();
        foreach (var side in sides)
        {
            var warmup = await LoadGenerator.RunAsync(side.Client, PathAndQuery, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
            warmups.Add($"{side.Name} {warmup.RequestsPerSecond:F0} req/s");
        }

        Console.WriteLine($"Warm-up (not counted): {string.Join(", ", warmups)}");
        report.PrintColumns();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var load in loads)
            {
                // A B, then B A: whichever side goes first in a round, the other goes first in the next.
                foreach (var side in round % 2 == 1 ? sides : sides.Reverse())
                {
                    var sample = await LoadGenerator.RunAsync(side.Client, PathAndQuery, load.Concurrency, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
                    report.Add(round, load, side.Name, sample);
                }
            }
        }

        return report.PrintSummary();
    }

    private static async Task CheckSameAnswerAsync(HttpClient direct, HttpClient gateway, CancellationToken cancellationToken)
    {
        using var fromService = await direct.GetAsync(PathAndQuery, cancellationToken);
        using var fromGateway = await gateway.GetAsync(PathAndQuery, cancellationToken);
        var serviceBody = await fromService.Content.ReadAsStringAsync(cancellationToken);
        var gatewayBody = await fromGateway.Content.ReadAsStringAsync(cancellationToken);
        if (fromService.StatusCode != HttpStatusCode.OK || fromGateway.StatusCode != HttpStatusCode.OK || serviceBody != gatewayBody)
        {
            throw new InvalidOperationException(
                $"The two sides must answer the same call alike: direct {(int)fromService.StatusCode} {serviceBody}, gateway {(int)fromGateway.StatusCode} {gatewayBody}");
        }

        Console.WriteLine($"Both sides answer 200 with the same body: {serviceBody}");
    }

    private static HttpClient Client(Uri address, Version version, int connections, string accessToken) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        EnableMultipleHttp2Connections = true,
        UseProxy = false,
        UseCookies = false,
    })
    {
        BaseAddress = address,
        DefaultRequestVersion = version,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
    };

    private sealed record Side(string Name, HttpClient Client);
}

/// <summary>How many requests each side keeps in flight.</summary>
public sealed record Load(string Name, int Concurrency);
