using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Eventing;

public static class EventingModelExtensions
{
    /// <summary>Adds the outbox and inbox tables to a service's model (and so to its migrations).</summary>
    public static ModelBuilder AddEventingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(EventingTables.Outbox);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id");
            outbox.Property(m => m.EventType).HasColumnName("event_type").HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnName("payload");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            outbox.Property(m => m.PublishedAt).HasColumnName("published_at");
            // The relay only ever scans what is still unpublished.
            outbox.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_unpublished").HasFilter("published_at IS NULL");
            outbox.HasIndex(m => m.PublishedAt).HasDatabaseName("ix_outbox_messages_published_at");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(EventingTables.Inbox);
            inbox.HasKey(m => new { m.Consumer, m.EventId });
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            inbox.Property(m => m.EventId).HasColumnName("event_id");
            inbox.Property(m => m.HandledAt).HasColumnName("handled_at");
            inbox.HasIndex(m => m.HandledAt).HasDatabaseName("ix_inbox_messages_handled_at");
        });

        return modelBuilder;
    }
}
