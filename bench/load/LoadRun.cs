using System.Net.Http.Headers;
using System.Net.Http.Json;
using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Load;

/// <summary>
/// The whole benchmark: starts the system (on this process's CPU), signs an agent in, seeds a book of clients
/// through the gateway, then runs each path at each concurrency step with hey on the other CPU, and stops
/// everything, whatever happens.
/// </summary>
public static class LoadRun
{
    private static readonly LoadPath[] Paths =
    [
        new("gateway", "GET", "/api/identity/me"),
        new("read-heavy", "GET", "/api/clients?pageSize=50"),
        new("write-heavy", "POST", "/api/clients", """{"displayName":"Load Written","email":"load.written@example.com","tags":["load"]}"""),
    ];

    private static readonly string[] FirstNames = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tess"];

    private static readonly string[] LastNames = ["Alvarez", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Khan", "Lopez", "Murphy", "Novak", "Okafor", "Patel", "Quint", "Reyes", "Singh", "Tanaka"];

    public static async Task RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Starting Postgres, Redis, Identity.Service, Clients.Service and the gateway (Release) on {CpuAffinity.Current()} ...");
        await using var system = await GatewaySystem.StartAsync(new BackendService("Clients.Service", "clients"));
        cancellationToken.ThrowIfCancellationRequested();
        var agent = await IdentityHost.SignInAsync(system.Issuer, "Load agent", cancellationToken: cancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false })
        {
            BaseAddress = system.Gateway,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken) },
        };
        await SeedBookAsync(client, options.BookSize, cancellationToken);

        Console.WriteLine($"Load: hey on CPU {Hey.LoadGeneratorCpu}, HTTP/1.1 keep-alive to the gateway at {system.Gateway}, {options.Seconds} s per step, steps {string.Join(", ", options.Steps)} in flight, after {options.WarmupSeconds} s warm-up per path at {options.Steps[^1]} in flight (not counted)");
        Console.WriteLine($"Knee: the first step with req/s >= {KneeReport.ShareOfPeak:F2}x the path's peak; 'vs 1st' is each figure over the first step's");
        var allPassed = true;
        foreach (var path in Paths)
        {
            await CheckAnswersAsync(client, path, cancellationToken);
            await Hey.RunAsync(system.Gateway, agent.AccessToken, path, options.Steps[^1], options.WarmupSeconds, cancellationToken);
            Report.Section($"{path.Name}: {path}");
            KneeReport.PrintColumns();
            var steps = new List<Step>();
            foreach (var concurrency in options.Steps)
            {
                var step = await Hey.RunAsync(system.Gateway, agent.AccessToken, path, concurrency, options.Seconds, cancellationToken);
                steps.Add(step);
                KneeReport.PrintStep(step, steps[0]);
            }

            allPassed &= KneeReport.PrintKnee(steps);
        }

        Console.WriteLine();
        if (!allPassed)
        {
            throw new InvalidOperationException("requests failed at or below a knee; see above.");
        }

        Console.WriteLine("No request failed at or below any path's knee.");
    }

    /// <summary>A book of clients with varied names, added through the gateway's REST API, a few at a time.</summary>
    private static async Task SeedBookAsync(HttpClient client, int size, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var (first, last) = (FirstNames[i % FirstNames.Length], LastNames[i / FirstNames.Length % LastNames.Length]);
            using var response = await client.PostAsJsonAsync("/api/clients", new
            {
                displayName = $"{first} {last} {i}",
                email = $"{first}.{last}.{i}@example.com".ToLowerInvariant(),
                tags = new[] { i % 2 == 0 ? "auto" : "home" },
            }, token);
            await EnsureSuccessAsync(response, $"Seeding client {i}", token);
        });
        Console.WriteLine($"Seeded a book of {size} clients through the gateway in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    private static async Task CheckAnswersAsync(HttpClient client, LoadPath path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(path.Method), path.PathAndQuery);
        if (path.JsonBody is not null)
        {
            request.Content = new StringContent(path.JsonBody, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, path.ToString(), cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
