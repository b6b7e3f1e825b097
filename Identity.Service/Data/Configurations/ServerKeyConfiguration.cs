using AgentCalls.Identity.Service.SigningKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Identity.Service.Data.Configurations;

internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> key)
    {
        key.ToTable("server_keys");
        key.Property(k => k.Use).HasConversion<string>().HasMaxLength(20);
        key.HasIndex(k => new { k.Use, k.CreatedAt });
    }
}
