using AgentCalls.Clients.Service.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> policy)
    {
        policy.ToTable("policies");
        policy.Property(p => p.PolicyNumber).HasMaxLength(64);
        policy.Property(p => p.Carrier).HasMaxLength(200);
        policy.Property(p => p.LineOfBusiness).HasConversion<string>().HasMaxLength(20);
        policy.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        policy.Property(p => p.LineOfBusinessText).HasMaxLength(PolicyRules.MaxImportedTextLength);
        policy.Property(p => p.StatusText).HasMaxLength(PolicyRules.MaxImportedTextLength);
        policy.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        policy.Property(p => p.Version).IsRowVersion();
        policy.HasIndex(p => new { p.AgentId, p.PolicyNumber }).IsUnique();
        // The call queue's renewal and lapse scans read only these columns: covering them makes both index-only scans
        // instead of visiting a heap page per policy.
        policy.HasIndex(p => new { p.AgentId, p.ExpiresOn }).IncludeProperties(p => new { p.Status, p.ClientId, p.PolicyNumber, p.Id });
        policy.HasIndex(p => new { p.AgentId, p.Status, p.EndedOn }).IncludeProperties(p => new { p.ClientId, p.PolicyNumber, p.Id });
    }
}
