using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.AppHost.LocalServers;

public static class LocalServerExtensions
{
    /// <summary>
    /// PostgreSQL as a local process with its data in <paramref name="dataDirectory"/> itself (kept across runs),
    /// healthy once it answers a query.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, bool fsync)
    {
        var resource = new LocalPostgresResource(name, ScriptPath(builder, "postgres.sh"), builder.AppHostDirectory);
        var healthCheck = $"{name}-check";
        string? connectionString = null;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Database=postgres");
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has not started yet."), name: healthCheck);

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalPostgresResource.EndpointName, scheme: "tcp", env: "PGPORT")
            .WithEnvironment("PGDATA_DIR", dataDirectory)
            .WithEnvironment("PG_FSYNC", fsync ? "on" : "off")
            .WithHealthCheck(healthCheck);
    }

    /// <summary>Redis as a local process, append-only persistence in <paramref name="dataDirectory"/>, healthy once it answers PING.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var resource = new LocalRedisResource(name, ScriptPath(builder, "redis.sh"), builder.AppHostDirectory);
        var healthCheck = $"{name}-check";
        string? connectionString = null;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has not started yet."), name: healthCheck);

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp", env: "REDIS_PORT")
            .WithEnvironment("REDIS_DATA_DIR", Path.Combine(dataDirectory, "redis"))
            .WithHealthCheck(healthCheck);
    }

    private static string ScriptPath(IDistributedApplicationBuilder builder, string script) =>
        Path.Combine(builder.AppHostDirectory, "LocalServers", script);
}
