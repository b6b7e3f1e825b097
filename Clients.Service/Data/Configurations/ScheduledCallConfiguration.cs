using AgentCalls.Clients.Service.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

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
