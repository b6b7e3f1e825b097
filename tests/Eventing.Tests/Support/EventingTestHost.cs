using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Eventing.Database;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>
/// A generic host wired as a service wires eventing (<c>AddServiceDbContext</c>, <c>AddRedisClient</c>,
/// <c>AddEventing</c>, <c>Subscribe</c>), publishing from and consuming into one test database. Its consumer
/// group is the test's own and starts at the stream's current end, so it meets only events written from now on.
/// </summary>
public sealed class EventingTestHost : IAsyncDisposable
{
    public const string DatabaseName = "eventsdb";
    public const int MaxDeliveries = 3;
    public static readonly TimeSpan ClaimIdleTime = TimeSpan.FromMilliseconds(500);

    private readonly IHost host;
    private bool stopped;

    private EventingTestHost(IHost host, string group, HandlerScript script, LogJournal logs)
    {
        this.host = host;
        Group = group;
        Script = script;
        Logs = logs;
    }

    /// <summary>The consumer group (<c>Eventing:ServiceName</c>).</summary>
    public string Group { get; }

    public HandlerScript Script { get; }

    public LogJournal Logs { get; }

    public IServiceProvider Services => host.Services;

    public IConnectionMultiplexer Redis => host.Services.GetRequiredService<IConnectionMultiplexer>();

    /// <summary>Creates a database with the eventing tables and the handler's table; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(DatabaseServers servers)
    {
        var connectionString = await servers.CreateDatabaseAsync("events");
        var options = new DbContextOptionsBuilder<EventsDbContext>().UseNpgsql(connectionString);
        EventsDbContext.Configure(options);
        await using var db = new EventsDbContext(options.Options);
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return connectionString;
    }

    /// <summary>
    /// Starts a host in a new consumer group that begins at the stream's current end; or, given a <paramref name="group"/>,
    /// in that group as Redis has it (another host's after a stop, or none yet: the consumer then creates it).
    /// </summary>
    public static async Task<EventingTestHost> StartAsync(
        string databaseConnectionString, string redisConnectionString, string? group = null, Action<HostApplicationBuilder>? configure = null)
    {
        var newGroup = group is null;
        group ??= NewGroup();
        var script = new HandlerScript();
        var logs = new LogJournal();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Eventing.Tests", EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseName}"] = databaseConnectionString,
            ["ConnectionStrings:redis"] = redisConnectionString,
            ["Eventing:ServiceName"] = group,
            ["Eventing:PollInterval"] = "00:00:00.100",
            ["Eventing:ClaimIdleTime"] = ClaimIdleTime.ToString(),
            ["Eventing:MaxDeliveries"] = MaxDeliveries.ToString(),
        });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddServiceDbContext<EventsDbContext>(DatabaseName, options =>
        {
            EventsDbContext.Configure(options);
            options.AddInterceptors(script.HangAfterCommit);
        });
        builder.AddRedisClient("redis");
        builder.AddEventing<EventsDbContext>().Subscribe<AgentRegistered, RecordingHandler>();
        builder.Services.AddSingleton(script);
        configure?.Invoke(builder);

        var host = builder.Build();
        if (newGroup)
        {
            await host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
                .StreamCreateConsumerGroupAsync(AgentRegisteredStream.Name, group, StreamPosition.NewMessages, createStream: true);
        }

        await host.StartAsync(TestContext.Current.CancellationToken);
        return new EventingTestHost(host, group, script, logs);
    }

    /// <summary>Commits the events in one transaction, in this order, through the host's own DbContext; returns their ids.</summary>
    public async Task<Guid[]> CommitAsync(params AgentRegistered[] events)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var ids = events.Select(e => db.AddEvent(e).Id).ToArray();
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ids;
    }

    /// <summary>Runs <paramref name="work"/> on a fresh DbContext of the host.</summary>
    public async Task<T> WithDbAsync<T>(Func<EventsDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EventsDbContext>());
    }

    /// <summary>The events of these agents that the handler applied, in the order it applied them.</summary>
    public Task<List<HandledEvent>> AppliedAsync(params string[] agentIds) =>
        WithDbAsync(db => db.HandledEvents.AsNoTracking().Where(h => agentIds.Contains(h.AgentId)).OrderBy(h => h.Sequence).ToListAsync());

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var entry in Logs.Entries)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"[{Group[^8..]}] {entry}");
        }

        host.Dispose();
    }

    /// <summary>A consumer group name no other test uses.</summary>
    public static string NewGroup() => "eventing-tests-" + Guid.NewGuid().ToString("N");

    public static AgentRegistered NewAgent(string displayName) => new()
    {
        AgentId = Guid.NewGuid().ToString(),
        DisplayName = displayName,
        Email = $"{Guid.NewGuid():N}@agents.test",
    };
}
