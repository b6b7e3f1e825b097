using AgentCalls.Clients.Service.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> client)
    {
        client.ToTable("clients");
        client.Property(c => c.DisplayName).HasMaxLength(200);
        client.Property(c => c.Email).HasMaxLength(320);
        client.Property(c => c.Phone).HasMaxLength(20);
        client.HasIndex(c => new { c.AgentId, c.DisplayName, c.Id });
        client.HasMany(c => c.Policies).WithOne().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
