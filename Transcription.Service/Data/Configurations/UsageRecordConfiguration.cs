using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Transcription.Service.Data.Configurations;

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> usage)
    {
        usage.ToTable("usage_records");
        usage.Property(u => u.Provider).HasMaxLength(100);
        usage.HasIndex(u => new { u.AgentId, u.RecordedAt });
        usage.HasOne<TranscriptionJob>().WithMany().HasForeignKey(u => u.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
