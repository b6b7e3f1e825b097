using AgentCalls.Clients.Service.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Clients.Service.Data.Configurations;

internal sealed class BookSettingsConfiguration : IEntityTypeConfiguration<BookSettings>
{
    public void Configure(EntityTypeBuilder<BookSettings> settings)
    {
        settings.ToTable("book_settings");
        settings.HasKey(s => s.AgentId);
        settings.Property(s => s.TimeZone).HasMaxLength(64);
        settings.Property(s => s.Region).HasMaxLength(2);
    }
}
