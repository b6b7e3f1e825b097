using AgentCalls.Calendar.Service.Calls;
using AgentCalls.Calendar.Service.CalendarEvents;
using AgentCalls.Calendar.Service.Feed;
using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Sync;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Data;

/// <summary>
/// calendardb: each agent's calendar events (the local calendar's, and the copy of Google's), scheduling settings,
/// the requests that scheduled calls, the feed token and the Google sync's state. Every row carries the agent's id.
/// </summary>
public sealed class CalendarDbContext(DbContextOptions<CalendarDbContext> options) : DbContext(options)
{
    public DbSet<CachedEvent> Events => Set<CachedEvent>();

    public DbSet<AgentSettings> Settings => Set<AgentSettings>();

    public DbSet<CallRequest> CallRequests => Set<CallRequest>();

    public DbSet<CalendarFeedAccess> Feeds => Set<CalendarFeedAccess>();

    public DbSet<GoogleSync> GoogleSyncs => Set<GoogleSync>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention().AddInterceptors(AfterCommit.Interceptor);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CalendarDbContext).Assembly).AddEventingTables();
}
