using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AgentCalls.ServiceDefaults.Health;

public static class HealthExtensions
{
    /// <summary>Checks tagged "live" answer /alive; every check (database, Redis, …) answers /health.</summary>
    public const string LiveTag = "live";

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Readiness: the process can serve, including its database and Redis.
        app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
        // Liveness: the process is not wedged; a dependency outage must not get it restarted.
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }
}
