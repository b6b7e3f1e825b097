using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.Eventing.Database;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies the context's EF Core migrations when the host starts, before the server listens:
    /// a service never takes traffic on a schema older than its code.
    /// </summary>
    public static IServiceCollection AddMigrationsOnStartup<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddHostedService<DatabaseMigrator<TContext>>();
}
