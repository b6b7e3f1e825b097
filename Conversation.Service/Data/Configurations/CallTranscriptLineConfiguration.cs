using AgentCalls.Conversation.Service.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class CallTranscriptLineConfiguration : IEntityTypeConfiguration<CallTranscriptLine>
{
    public void Configure(EntityTypeBuilder<CallTranscriptLine> line)
    {
        line.ToTable("call_transcript_lines");
        line.Property(l => l.Speaker).HasMaxLength(20);
        line.HasIndex(l => new { l.CallId, l.Id });
    }
}
