using AgentCalls.Identity.Service.GoogleAccounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Identity.Service.Data.Configurations;

internal sealed class GoogleConnectionConfiguration : IEntityTypeConfiguration<GoogleConnection>
{
    public void Configure(EntityTypeBuilder<GoogleConnection> connection)
    {
        connection.ToTable("google_connections");
        connection.HasKey(c => c.AgentId);
        connection.Property(c => c.GoogleSubject).HasMaxLength(255);
        connection.Property(c => c.GoogleEmail).HasMaxLength(320);
        connection.Property(c => c.Scopes).HasMaxLength(2000);
        connection.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        connection.Property(c => c.StatusReason).HasMaxLength(500);
    }
}
