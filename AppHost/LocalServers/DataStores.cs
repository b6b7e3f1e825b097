using AgentCalls.AppHost.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace AgentCalls.AppHost.LocalServers;

/// <summary>The Postgres server (with one database per service) and Redis every service uses.</summary>
public sealed record DataStores(
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases)
{
    public static readonly string[] DatabaseNames = ["identitydb", "clientsdb", "calendardb", "conversationdb", "transcriptiondb"];

    /// <summary>
    /// Local processes from the OS packages by default (no container runtime needed); Aspire's stock container
    /// resources when <c>AppHost:UseContainers</c> is true or when publishing.
    /// </summary>
    public static DataStores Add(IDistributedApplicationBuilder builder, StartupWatch startup)
    {
        var settings = builder.Configuration.GetSection("AppHost");
        // Publishing describes the stock resources: a deployment runs Postgres and Redis as servers, not as local processes.
        return settings.GetValue<bool>("UseContainers") || builder.ExecutionContext.IsPublishMode
            ? AddContainers(builder)
            : AddLocalProcesses(builder, settings, startup);
    }

    private static DataStores AddLocalProcesses(IDistributedApplicationBuilder builder, IConfigurationSection settings, StartupWatch startup)
    {
        var configured = settings["DataDirectory"];
        var dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.AppHostDirectory, "..", ".data")
            : configured);
        var wantedPostgresData = Path.Combine(dataDirectory, "postgres");
        var postgresData = PostgresDataDirectory.Choose(wantedPostgresData, Environment.IsPrivilegedProcess);
        startup.Note(postgresData == wantedPostgresData
            ? $"Data is kept in {dataDirectory}"
            : $"Data is kept in {dataDirectory}, and Postgres' in {postgresData}: the postgres user cannot reach {wantedPostgresData}");
        var postgres = builder.AddLocalPostgres("postgres", postgresData, fsync: settings.GetValue("PostgresFsync", true));
        var redis = builder.AddLocalRedis("redis", dataDirectory);
        var databases = DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(
                name, ReferenceExpression.Create($"{postgres.Resource};Database={name}")));
        return new DataStores(postgres, redis, databases);
    }

    private static DataStores AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        // Append-only, fsynced on every write, as the local process runs: events marked published must survive.
        var redis = builder.AddRedis("redis").WithDataVolume().WithArgs("--appendonly", "yes", "--appendfsync", "always");
        var databases = DatabaseNames.ToDictionary(
            name => name,
            name => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(name));
        return new DataStores(postgres, redis, databases);
    }
}
