using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Gateway.Hosting;

/// <summary>The gateway's settings (section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The gateway's client id at Identity.</summary>
    public const string ClientId = "agentcalls-gateway";

    /// <summary>
    /// A request body sent slower than this, after a 10 s grace, is cut off (Kestrel's MinRequestBodyDataRate), so a
    /// client trickling an upload cannot hold the gateway and the service behind it. API bodies are small and sent at
    /// once; WebSockets are not bound by it.
    /// </summary>
    public const string MinRequestBodyBytesPerSecondKey = SectionName + ":MinRequestBodyBytesPerSecond";

    /// <summary>The gateway's client secret at Identity (user-secrets or environment; AppHost generates one).</summary>
    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>How long a browser session lasts without use.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a browser session lasts from sign-in however it is used; then the agent signs in again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An access token this close to expiry is refreshed before it is attached to a call.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a bearer token that passed validation is taken as valid without checking it again (never past its
    /// expiry); zero checks every request. The services behind validate it on every request regardless.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ValidatedTokenCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every agent's bucket for the API (per client address before sign-in).</summary>
    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// A second, smaller bucket per agent for the costly calls (export, import upload, search that may fall back to typo
    /// correction): they spend their own tokens, so a run of them cannot starve the cheap calls of the same agent.
    /// </summary>
    [Required]
    public RateLimitOptions CostlyRateLimit { get; set; } = new() { TokenLimit = 20, TokensPerPeriod = 2 };

    /// <summary>Per client address on the routes that need no sign-in: /auth/**, /bff/*, the calendar feed, Google's notifications.</summary>
    [Required]
    public RateLimitOptions AnonymousRateLimit { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 20 };

    /// <summary>
    /// Proxies in front of the gateway (load balancer, ingress) whose X-Forwarded-For and X-Forwarded-Proto are believed,
    /// as addresses or CIDR networks; none configured: only loopback. Anyone else's forwarded headers are ignored, so a
    /// client cannot pick its own rate-limit partition.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}

/// <summary>A token bucket.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The burst an agent may send at once.</summary>
    [Range(1, 100_000)]
    public int TokenLimit { get; set; } = 200;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 100_000)]
    public int TokensPerPeriod { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
