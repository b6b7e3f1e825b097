using AgentCalls.Conversation.Service.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> call)
    {
        call.ToTable("calls");
        call.Property(c => c.ClientName).HasMaxLength(200);
        call.Property(c => c.ClientTimeZone).HasMaxLength(100);
        call.Property(c => c.CalendarEventId).HasMaxLength(200);
        call.Property(c => c.ChosenOutcome).HasMaxLength(100);
        call.Property(c => c.DraftOutcome).HasMaxLength(100);
        call.Property(c => c.DraftSource).HasMaxLength(20);
        call.Property(c => c.ClientPolicies).AsJsonb();
        call.Property(c => c.Proposals).AsJsonb();
        call.Property(c => c.Audit).AsJsonb();
        // The closer's two questions: live calls not seen lately, ended calls not saved.
        call.HasIndex(c => c.LastSeenAt).HasFilter("ended_at IS NULL");
        call.HasIndex(c => c.EndedAt).HasFilter("ended_at IS NOT NULL");
        call.HasIndex(c => c.AgentId);
        call.HasMany<CallTranscriptLine>().WithOne().HasForeignKey(l => l.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
