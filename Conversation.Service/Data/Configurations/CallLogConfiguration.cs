using AgentCalls.Conversation.Service.CallLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class CallLogConfiguration : IEntityTypeConfiguration<CallLog>
{
    public void Configure(EntityTypeBuilder<CallLog> callLog)
    {
        callLog.ToTable("call_logs");
        callLog.Property(c => c.Outcome).HasMaxLength(100);
        callLog.Property(c => c.OutcomeNote).HasMaxLength(200);
        callLog.Property(c => c.ClientName).HasMaxLength(200);
        callLog.Property(c => c.CalendarEventId).HasMaxLength(200);
        // Defaults for the rows written before these columns existed.
        callLog.Property(c => c.TranscriptLines).AsJsonb().HasDefaultValueSql("'[]'::jsonb");
        callLog.Property(c => c.Audit).AsJsonb().HasDefaultValueSql("'[]'::jsonb");
        callLog.Property(c => c.FollowUps).HasDefaultValueSql("'{}'::text[]");
        callLog.Property(c => c.Notes).HasDefaultValueSql("'{}'::text[]");
        callLog.HasGeneratedTsVectorColumn(c => c.SearchVector, CallLogSearch.Language, c => new { c.Summary, c.Transcript })
            .HasIndex(c => c.SearchVector).HasMethod("GIN");
        callLog.HasIndex(c => new { c.AgentId, c.StartedAt, c.Id });
        callLog.HasIndex(c => new { c.AgentId, c.ClientId, c.StartedAt });
    }
}
