using AgentCalls.Transcription.Service.Jobs;
using AgentCalls.Transcription.Service.Settings;
using AgentCalls.Transcription.Service.Recordings;
using AgentCalls.Transcription.Service.Usage;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Service.Data;

/// <summary>transcriptiondb: transcription jobs, metered usage, agents' settings, and recorded files' audio and transcripts. Every row carries the owning agent's id.</summary>
public sealed class TranscriptionDbContext(DbContextOptions<TranscriptionDbContext> options) : DbContext(options)
{
    public DbSet<TranscriptionJob> Jobs => Set<TranscriptionJob>();

    public DbSet<UsageRecord> Usage => Set<UsageRecord>();

    public DbSet<AgentSpeechSettings> SpeechSettings => Set<AgentSpeechSettings>();

    public DbSet<RecordingSegment> RecordingSegments => Set<RecordingSegment>();

    public DbSet<RecordingAudioChunk> RecordingAudioChunks => Set<RecordingAudioChunk>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TranscriptionDbContext).Assembly).AddEventingTables();
}
