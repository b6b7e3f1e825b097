using System.Globalization;
using System.Threading.RateLimiting;
using AgentCalls.Gateway.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Gateway.Security;

/// <summary>
/// Token buckets answering 429 with Retry-After: per agent (per client address before sign-in) for the API, a second
/// per-agent bucket for costly calls, and per client address for the routes that need no sign-in. The client address
/// is the connection's, or what a known proxy forwarded (<see cref="GatewayOptions.KnownProxies"/>).
/// </summary>
public static class AgentRateLimiting
{
    public const string PolicyName = "per-agent";
    public const string CostlyPolicyName = "per-agent-costly";
    public const string AnonymousPolicyName = "per-address";

    public static IServiceCollection AddAgentRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Slow down: try again in {seconds} s.",
                    },
                });
            };
            limiter.AddPolicy(PolicyName, http => Bucket(http, PolicyName, PerAgent(http), options => options.RateLimit));
            limiter.AddPolicy(CostlyPolicyName, http => Bucket(http, CostlyPolicyName, PerAgent(http), options => options.CostlyRateLimit));
            limiter.AddPolicy(AnonymousPolicyName, http => Bucket(http, AnonymousPolicyName, PerAddress(http), options => options.AnonymousRateLimit));
        });
        return services;
    }

    public static string PerAgent(HttpContext http) =>
        http.User.FindFirst(Claims.Subject)?.Value is { } agentId ? $"agent:{agentId}" : PerAddress(http);

    public static string PerAddress(HttpContext http) => $"address:{http.Connection.RemoteIpAddress}";

    private static RateLimitPartition<string> Bucket(HttpContext http, string policy, string partition, Func<GatewayOptions, RateLimitOptions> select)
    {
        var settings = select(http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value);
        return RateLimitPartition.GetTokenBucketLimiter($"{policy}:{partition}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.TokenLimit,
            TokensPerPeriod = settings.TokensPerPeriod,
            ReplenishmentPeriod = settings.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
