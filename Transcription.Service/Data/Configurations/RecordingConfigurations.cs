using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Transcription.Service.Data.Configurations;

internal sealed class RecordingSegmentConfiguration : IEntityTypeConfiguration<RecordingSegment>
{
    public void Configure(EntityTypeBuilder<RecordingSegment> segment)
    {
        segment.ToTable("recording_segments");
        segment.Property(s => s.Speaker).HasConversion<string>().HasMaxLength(10);
        segment.HasIndex(s => new { s.JobId, s.StartSeconds });
        segment.HasOne<TranscriptionJob>().WithMany().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordingAudioChunkConfiguration : IEntityTypeConfiguration<RecordingAudioChunk>
{
    public void Configure(EntityTypeBuilder<RecordingAudioChunk> chunk)
    {
        chunk.ToTable("recording_audio_chunks");
        chunk.HasKey(c => new { c.JobId, c.Sequence });
        chunk.HasOne<TranscriptionJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
