using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AgentCalls.Drills.Tests;

/// <summary>
/// A steady stream of writes through the gateway, one after another as an agent at work makes them: a client, a policy
/// renewing soon, and for every third client a call scheduled on the calendar. Remembers exactly which writes were
/// answered with success; a write that failed or got no answer is only "attempted" (it may or may not have happened).
/// </summary>
public sealed class WriteLoad(BrowserSession browser, IReadOnlyList<DateTimeOffset> freeSlots)
{
    private readonly string run = Guid.NewGuid().ToString("N")[..6];
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> clients = [];
    private readonly Dictionary<string, string> policies = [];
    private readonly Dictionary<string, (string ClientId, DateTimeOffset Start)> calls = [];
    private readonly HashSet<string> attemptedNames = [];
    private readonly SemaphoreSlim written = new(0);
    private int failures;
    private string lastFailure = "none";

    /// <summary>Client id → display name, of the clients whose creation was acknowledged.</summary>
    public IReadOnlyDictionary<string, string> Clients => Copy(clients);

    /// <summary>Policy id → client id, acknowledged.</summary>
    public IReadOnlyDictionary<string, string> Policies => Copy(policies);

    /// <summary>Calendar event id → client and start, acknowledged.</summary>
    public IReadOnlyDictionary<string, (string ClientId, DateTimeOffset Start)> Calls => Copy(calls);

    public IReadOnlySet<string> AttemptedNames
    {
        get
        {
            lock (gate)
            {
                return attemptedNames.ToHashSet();
            }
        }
    }

    /// <summary>Writes refused or unanswered (while a process was down).</summary>
    public int Failures => Volatile.Read(ref failures);

    public int Acknowledged
    {
        get
        {
            lock (gate)
            {
                return clients.Count + policies.Count + calls.Count;
            }
        }
    }

    public static DateOnly RenewalDay => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

    public async Task RunAsync(CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var name = $"Drill {run} {i:D5}";
            lock (gate)
            {
                attemptedNames.Add(name);
            }

            var client = await WriteAsync(HttpMethod.Post, "/api/clients", new
            {
                displayName = name,
                phones = new[] { new { number = $"+1312555{i % 10000:D4}", type = "PHONE_TYPE_MOBILE" } },
            });
            if (client is not { } created)
            {
                continue;
            }

            var clientId = created.GetProperty("clientId").GetString()!;
            Record(clients, clientId, name);
            var expires = RenewalDay;
            if (await WriteAsync(HttpMethod.Post, $"/api/clients/{clientId}/policies", new
                {
                    policyNumber = $"DR-{run}-{i:D5}",
                    carrier = "Acme Mutual",
                    lineOfBusiness = "LINE_OF_BUSINESS_AUTO",
                    status = "POLICY_STATUS_ACTIVE",
                    premiumMinor = "120000",
                    currencyCode = "USD",
                    effectiveDate = Date(expires.AddYears(-1)),
                    expirationDate = Date(expires),
                }) is { } policy)
            {
                Record(policies, policy.GetProperty("policyId").GetString()!, clientId);
            }

            if (i % 3 == 0 && i / 3 < freeSlots.Count)
            {
                var start = freeSlots[i / 3];
                var requestId = Guid.NewGuid().ToString();
                if (await WriteAsync(HttpMethod.Post, "/api/calendar/calls", new { requestId, clientId, startTime = Rfc3339(start) }) is { } call)
                {
                    Record(calls, call.GetProperty("eventId").GetString()!, (clientId, start));
                }
            }
        }
    }

    /// <summary>Waits until <paramref name="more"/> writes beyond those acknowledged now are acknowledged: the system takes writes again.</summary>
    public async Task WaitForMoreAsync(int more, CancellationToken cancellationToken)
    {
        var target = Acknowledged + more;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(DrillSystem.Patience);
        try
        {
            while (Acknowledged < target)
            {
                await written.WaitAsync(patience.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Writes did not go through again within {DrillSystem.Patience.TotalSeconds} s; the last failure: {Volatile.Read(ref lastFailure)}");
        }
    }

    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private async Task<JsonElement?> WriteAsync(HttpMethod method, string path, object body)
    {
        var pause = TimeSpan.FromMilliseconds(200);
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-CSRF", "1");
            using var response = await browser.Http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(answer).RootElement.Clone();
            }

            Volatile.Write(ref lastFailure, $"{method} {path}: {(int)response.StatusCode} {answer}");
            pause = response.Headers.RetryAfter?.Delta ?? pause;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            // No answer (the gateway was down): the write may or may not have happened, and it is not counted.
            Volatile.Write(ref lastFailure, $"{method} {path}: {e.GetType().Name} {e.Message}");
        }

        Interlocked.Increment(ref failures);
        // An agent whose save failed waits before the next one (as long as the gateway asks, when it does).
        await Task.Delay(pause);
        return null;
    }

    private void Record<T>(Dictionary<string, T> writes, string id, T value)
    {
        lock (gate)
        {
            writes.Add(id, value);
        }

        written.Release();
    }

    private Dictionary<string, T> Copy<T>(Dictionary<string, T> writes)
    {
        lock (gate)
        {
            return new Dictionary<string, T>(writes);
        }
    }

    private static object Date(DateOnly day) => new { year = day.Year, month = day.Month, day = day.Day };
}
