using AgentCalls.Transcription.Service.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Transcription.Service.Data.Configurations;

internal sealed class TranscriptionJobConfiguration : IEntityTypeConfiguration<TranscriptionJob>
{
    public void Configure(EntityTypeBuilder<TranscriptionJob> job)
    {
        job.ToTable("transcription_jobs");
        job.Property(j => j.Provider).HasMaxLength(100);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.HasIndex(j => new { j.AgentId, j.CreatedAt });
    }
}
