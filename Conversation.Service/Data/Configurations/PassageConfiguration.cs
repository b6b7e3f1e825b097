using AgentCalls.Conversation.Service.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class PassageConfiguration : IEntityTypeConfiguration<Passage>
{
    public void Configure(EntityTypeBuilder<Passage> passage)
    {
        passage.ToTable("passages");
        // pgvector is not packaged for Debian 12: vectors are a real[] scored in C# (see PassageVectorIndex).
        passage.Property(p => p.Embedding).HasColumnType("real[]");
        passage.HasGeneratedTsVectorColumn(p => p.SearchVector, "english", p => new { p.Heading, p.Text })
            .HasIndex(p => p.SearchVector).HasMethod("GIN");
        passage.HasIndex(p => new { p.AgentId, p.DocumentId, p.Ordinal });
    }
}
