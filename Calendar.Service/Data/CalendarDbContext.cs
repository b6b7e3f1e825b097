using AgentCalls.Calendar.Service.Events;
using AgentCalls.ServiceDefaults.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Service.Data;

/// <summary>calendardb: each agent's cached calendar events. Every row carries the owning agent's id.</summary>
public sealed class CalendarDbContext(DbContextOptions<CalendarDbContext> options) : DbContext(options)
{
    public DbSet<CachedEvent> Events => Set<CachedEvent>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CalendarDbContext).Assembly).AddEventingTables();
}
