using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>
/// A service's database as far as eventing cares: the outbox and inbox tables, and one table the handler
/// writes to, so that "applied once" can be counted where a service keeps its effects.
/// </summary>
public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<HandledEvent> HandledEvents => Set<HandledEvent>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    /// <summary>The schema comes from <c>EnsureCreated</c>, not migrations: the startup migrator finds nothing to apply.</summary>
    public static void Configure(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandledEvent>(handled =>
        {
            handled.ToTable("handled_events");
            handled.HasKey(h => h.Sequence);
        });
        modelBuilder.AddEventingTables();
    }
}

/// <summary>One application of an event by the test handler; <see cref="Sequence"/> gives the order of application.</summary>
public sealed class HandledEvent
{
    public long Sequence { get; init; }

    public required Guid EventId { get; init; }

    public required string AgentId { get; init; }
}
