using System.ComponentModel.DataAnnotations;

namespace AgentCalls.Gateway.Hosting;

/// <summary>The gateway's settings (section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The gateway's client id at Identity.</summary>
    public const string ClientId = "agentcalls-gateway";

    /// <summary>The gateway's client secret at Identity (user-secrets or environment; AppHost generates one).</summary>
    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>How long a browser session lasts without use.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>An access token this close to expiry is refreshed before it is attached to a call.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>A token bucket per agent (per client address before sign-in) for everything under /api.</summary>
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
