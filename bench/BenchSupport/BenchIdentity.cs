using AgentCalls.TestSupport;

namespace AgentCalls.Bench.Support;

/// <summary>
/// The real Identity in the benchmark's process: access tokens for the longest time it allows (1 h), and only its
/// errors in the benchmark's output, less EF's failed look for its migrations table in a new database.
/// </summary>
public static class BenchIdentity
{
    public static async Task<IdentityServerInstance> StartAsync(DatabaseServers servers, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null) =>
        IdentityServerInstance.Start(await servers.CreateDatabaseAsync("identity"), servers.RedisConnectionString, environment,
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Identity:AccessTokenLifetime"] = "01:00:00",
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
            });
}
