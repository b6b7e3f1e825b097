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
        job.Property(j => j.Source).HasConversion<string>().HasMaxLength(20);
        job.OwnsOne(j => j.File, file =>
        {
            file.Property(f => f.FileName).HasColumnName("file_name").HasMaxLength(255);
            file.Property(f => f.FileBytes).HasColumnName("file_bytes");
            file.Property(f => f.MonoSpeaker).HasConversion<string>().HasMaxLength(10);
        });
        job.HasIndex(j => new { j.AgentId, j.CreatedAt });
        // The worker looks for queued jobs and lapsed leases among file jobs only.
        job.HasIndex(j => new { j.Status, j.CreatedAt }).HasFilter("source = 'RecordedFile'");
    }
}
