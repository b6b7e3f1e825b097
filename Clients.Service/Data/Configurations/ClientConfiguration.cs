using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Households;
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
        client.ComplexCollection(c => c.Phones, phones =>
        {
            phones.ToJson();
            phones.Property(p => p.Number).HasJsonPropertyName("number");
            phones.Property(p => p.Type).HasJsonPropertyName("type").HasConversion<string>();
        });
        client.ComplexProperty(c => c.Address);
        client.Property(c => c.TimeZone).HasMaxLength(64);
        client.Property(c => c.DoNotCallReason).HasMaxLength(500);
        client.Property(c => c.RecordingConsent).HasConversion<string>().HasMaxLength(20);
        client.Property(c => c.ExternalId).HasMaxLength(100);
        client.Property(c => c.LastOutcome).HasMaxLength(200);
        client.Property(c => c.Version).IsRowVersion();
        client.Property(c => c.SearchText).HasDefaultValue("");
        client.Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector")
            .HasComputedColumnSql("to_tsvector('simple', search_text)", stored: true);

        client.HasIndex(c => new { c.AgentId, c.DisplayName, c.Id });
        client.HasIndex(c => new { c.AgentId, c.Email });
        client.HasIndex(c => new { c.AgentId, c.ExternalId });
        client.HasIndex(c => new { c.AgentId, c.LastContactedAt });
        client.HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        client.HasIndex("SearchVector").HasMethod("gin");
        client.HasIndex(c => c.Tags).HasMethod("gin");
        client.HasMany(c => c.Policies).WithOne().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
        client.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.SetNull);
    }
}
