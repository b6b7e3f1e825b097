using AgentCalls.Calendar.Service.CalendarEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Calendar.Service.Data.Configurations;

internal sealed class CachedEventConfiguration : IEntityTypeConfiguration<CachedEvent>
{
    public void Configure(EntityTypeBuilder<CachedEvent> calendarEvent)
    {
        calendarEvent.ToTable("cached_events");
        calendarEvent.Property(e => e.Provider).HasMaxLength(20);
        calendarEvent.Property(e => e.CalendarId).HasMaxLength(200);
        calendarEvent.Property(e => e.ProviderEventId).HasMaxLength(1024);
        calendarEvent.Property(e => e.Title).HasMaxLength(1000);
        calendarEvent.Property(e => e.ClientName).HasMaxLength(200);
        calendarEvent.Property(e => e.ClientPhone).HasMaxLength(32);
        calendarEvent.Property(e => e.Description).HasMaxLength(8000);
        calendarEvent.Property(e => e.Busy).HasDefaultValue(true);
        calendarEvent.HasIndex(e => new { e.AgentId, e.StartsAt });
        calendarEvent.HasIndex(e => new { e.AgentId, e.Provider, e.CalendarId, e.ProviderEventId }).IsUnique();
    }
}
