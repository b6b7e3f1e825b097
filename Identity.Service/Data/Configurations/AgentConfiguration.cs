using AgentCalls.Identity.Service.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Identity.Service.Data.Configurations;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> agent)
    {
        agent.ToTable("agents");
        agent.Property(a => a.DisplayName).HasMaxLength(200);
        agent.Property(a => a.Email).HasMaxLength(320);
        agent.Property(a => a.NormalizedEmail).HasMaxLength(320);
        agent.Property(a => a.GoogleSubject).HasMaxLength(255);
        // The development sign-in picks agents by e-mail; Google sign-in by Google's subject.
        agent.HasIndex(a => a.NormalizedEmail).IsUnique().HasFilter("google_subject IS NULL");
        agent.HasIndex(a => a.GoogleSubject).IsUnique().HasFilter("google_subject IS NOT NULL");
    }
}
