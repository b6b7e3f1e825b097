using AgentCalls.Conversation.Service.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.ToTable("documents");
        document.Property(d => d.Title).HasMaxLength(Document.MaxTitleLength);
        document.Property(d => d.Format).HasMaxLength(20);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.EmbeddingModel).HasMaxLength(100);
        document.HasIndex(d => new { d.AgentId, d.Sha256 }).IsUnique();
        document.HasIndex(d => new { d.AgentId, d.UploadedAt });
        document.HasMany(d => d.Passages).WithOne().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
