using AgentCalls.Conversation.Service.Assist.Playbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class PlaybookCardConfiguration : IEntityTypeConfiguration<PlaybookCard>
{
    public void Configure(EntityTypeBuilder<PlaybookCard> card)
    {
        card.ToTable("playbook_cards");
        card.Property(c => c.Key).HasMaxLength(50);
        card.Property(c => c.Title).HasMaxLength(PlaybookCardInput.MaxTitleLength);
        card.Property(c => c.Guidance).HasMaxLength(PlaybookCardInput.MaxGuidanceLength);
        card.Property(c => c.Examples).AsJsonb();
        // Seeding twice at once (two tabs) inserts the defaults once.
        card.HasIndex(c => new { c.AgentId, c.Key }).IsUnique();
    }
}
