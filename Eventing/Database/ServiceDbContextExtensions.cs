using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AgentCalls.Eventing.Database;

public static class ServiceDbContextExtensions
{
    /// <summary>
    /// The service's one DbContext on its Aspire connection string (<c>ConnectionStrings__{connectionName}</c>),
    /// enriched by Aspire (health check, retries, telemetry), waking the outbox relay on commit, and migrated
    /// before the service takes traffic.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName, Action<DbContextOptionsBuilder> configure)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            options.UseNpgsql(connectionString);
            configure(options);
            options.AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>());
        });
        builder.EnrichNpgsqlDbContext<TContext>();
        builder.Services.AddMigrationsOnStartup<TContext>();
        return builder;
    }
}
