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
        var resource = new LocalPostgresResource(name, ScriptPath(builder, "postgres.sh"), builder.AppHostDirectory, Password(builder, name));
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
            .WithEnvironment("PG_PASSWORD", resource.Password)
            .WithHealthCheck(healthCheck);
    }

    /// <summary>Redis as a local process, append-only persistence in <paramref name="dataDirectory"/>, healthy once it answers PING.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var resource = new LocalRedisResource(name, ScriptPath(builder, "redis.sh"), builder.AppHostDirectory, Password(builder, name));
        var healthCheck = $"{name}-check";
        string? connectionString = null;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has not started yet."), name: healthCheck);

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp", env: "REDIS_PORT")
            .WithEnvironment("REDIS_DATA_DIR", Path.Combine(dataDirectory, "redis"))
            .WithEnvironment("REDIS_PASSWORD", resource.Password)
            .WithHealthCheck(healthCheck);
    }

    /// <summary>
    /// Generated once and kept in the AppHost's user-secrets (as Aspire's own container resources keep theirs), so
    /// the data kept across runs opens with the same password; the wrappers set it again on every start.
    /// </summary>
    private static ParameterResource Password(IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true).Resource;

    private static string ScriptPath(IDistributedApplicationBuilder builder, string script) =>
        Path.Combine(builder.AppHostDirectory, "LocalServers", script);
}
