using AgentCalls.Clients.Service.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

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
