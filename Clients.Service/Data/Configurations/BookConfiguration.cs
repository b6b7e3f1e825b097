using AgentCalls.Clients.Service.Calls;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Households;
using AgentCalls.Clients.Service.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> household)
    {
        household.ToTable("households");
        household.Property(h => h.Name).HasMaxLength(200);
        household.Property(h => h.NormalizedName).HasMaxLength(200);
        household.HasIndex(h => new { h.AgentId, h.NormalizedName }).IsUnique();
    }
}

internal sealed class ScheduledCallConfiguration : IEntityTypeConfiguration<ScheduledCall>
{
    public void Configure(EntityTypeBuilder<ScheduledCall> call)
    {
        call.ToTable("scheduled_calls");
        call.HasKey(c => new { c.AgentId, c.EventId });
        call.Property(c => c.EventId).HasMaxLength(200);
        call.HasIndex(c => new { c.ClientId, c.StartsAt });
    }
}

internal sealed class BookSettingsConfiguration : IEntityTypeConfiguration<BookSettings>
{
    public void Configure(EntityTypeBuilder<BookSettings> settings)
    {
        settings.ToTable("book_settings");
        settings.HasKey(s => s.AgentId);
        settings.Property(s => s.TimeZone).HasMaxLength(64);
        settings.Property(s => s.Region).HasMaxLength(2);
    }
}

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> entry)
    {
        entry.ToTable("client_history");
        entry.Property(e => e.Subject).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Actor).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.SourceId).HasMaxLength(100);
        entry.Property(e => e.PolicyNumber).HasMaxLength(64);
        entry.Property(e => e.Changes).HasColumnType("jsonb");
        entry.HasIndex(e => new { e.AgentId, e.ClientId, e.ChangedAt, e.Id });
    }
}
