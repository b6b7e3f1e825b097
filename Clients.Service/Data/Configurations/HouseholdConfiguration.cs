using AgentCalls.Clients.Service.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> household)
    {
        household.ToTable("households");
        household.Property(h => h.Name).HasMaxLength(200);
        household.Property(h => h.NormalizedName).HasMaxLength(200);
        household.HasIndex(h => new { h.AgentId, h.NormalizedName }).IsUnique();
    }
}
