using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AgentCalls.Clients.Service.Import.Jobs;
using AgentCalls.Clients.Service.Import.Upload;

namespace AgentCalls.Clients.Service.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("imports");
        job.Property(j => j.FileName).HasMaxLength(255);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        job.Property(j => j.DuplicateMode).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Mapping).HasColumnType("jsonb");
        job.Property(j => j.Encoding).HasMaxLength(20).HasDefaultValue(CsvEncodings.Utf8);
        job.Property(j => j.EncodingOptions).HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb");
        job.Property(j => j.Error).HasMaxLength(2000);
        job.HasIndex(j => new { j.AgentId, j.CreatedAt });
        // The worker looks only at jobs waiting or running.
        job.HasIndex(j => j.QueuedAt).HasFilter("status IN ('Queued', 'Running')");
    }
}

internal sealed class ImportFileChunkConfiguration : IEntityTypeConfiguration<ImportFileChunk>
{
    public void Configure(EntityTypeBuilder<ImportFileChunk> chunk)
    {
        chunk.ToTable("import_file_chunks");
        chunk.HasKey(c => new { c.ImportId, c.Sequence });
        chunk.HasOne<ImportJob>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> error)
    {
        error.ToTable("import_errors");
        error.Property(e => e.Column).HasMaxLength(200);
        error.Property(e => e.Reason).HasMaxLength(500);
        error.HasIndex(e => new { e.ImportId, e.Line, e.Id });
        error.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportPreviewRowConfiguration : IEntityTypeConfiguration<ImportPreviewRow>
{
    public void Configure(EntityTypeBuilder<ImportPreviewRow> row)
    {
        row.ToTable("import_preview");
        row.HasKey(r => new { r.ImportId, r.Line });
        row.Property(r => r.DisplayName).HasMaxLength(200);
        row.Property(r => r.Action).HasMaxLength(20);
        row.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
