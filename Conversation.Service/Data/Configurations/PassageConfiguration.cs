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
        passage.HasGeneratedTsVectorColumn(p => p.SearchVector, "english", p => new { p.Heading, p.Text });
        // Every search is one agent's (btree_gin makes agent_id a GIN key): a word's posting list is intersected with the
        // agent's rows in the index, not filtered row by row from every agent's matches.
        passage.HasIndex(p => new { p.AgentId, p.SearchVector }).HasMethod("GIN");
        passage.HasIndex(p => new { p.AgentId, p.DocumentId, p.Ordinal });
    }
}
