using AgentCalls.Calendar.Service.Calls;
using AgentCalls.Calendar.Service.Feed;
using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Calendar.Service.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Calendar.Service.Data.Configurations;

internal sealed class AgentSettingsConfiguration : IEntityTypeConfiguration<AgentSettings>
{
    public void Configure(EntityTypeBuilder<AgentSettings> settings)
    {
        settings.ToTable("agent_settings");
        settings.HasKey(s => s.AgentId);
        settings.Property(s => s.TimeZone).HasMaxLength(100);
        settings.OwnsMany(s => s.WorkingHours, day => day.ToJson("working_hours"));
    }
}

internal sealed class CallRequestConfiguration : IEntityTypeConfiguration<CallRequest>
{
    public void Configure(EntityTypeBuilder<CallRequest> request)
    {
        request.ToTable("call_requests");
        request.HasKey(r => new { r.AgentId, r.RequestId });
        request.Property(r => r.RequestId).HasMaxLength(100);
    }
}

internal sealed class CalendarFeedAccessConfiguration : IEntityTypeConfiguration<CalendarFeedAccess>
{
    public void Configure(EntityTypeBuilder<CalendarFeedAccess> feed)
    {
        feed.ToTable("calendar_feeds");
        feed.HasKey(f => f.AgentId);
        feed.Property(f => f.TokenHash).HasMaxLength(64);
        feed.HasIndex(f => f.TokenHash).IsUnique();
    }
}

internal sealed class GoogleSyncConfiguration : IEntityTypeConfiguration<GoogleSync>
{
    public void Configure(EntityTypeBuilder<GoogleSync> sync)
    {
        sync.ToTable("google_syncs");
        sync.HasKey(s => s.AgentId);
        sync.Property(s => s.CalendarId).HasMaxLength(200);
        sync.Property(s => s.State).HasConversion<string>().HasMaxLength(30);
        sync.Property(s => s.SyncToken).HasMaxLength(1024);
        sync.Property(s => s.PageToken).HasMaxLength(1024);
        sync.Property(s => s.LastError).HasMaxLength(1000);
        sync.Property(s => s.ChannelId).HasMaxLength(64);
        sync.Property(s => s.ChannelResourceId).HasMaxLength(200);
        sync.Property(s => s.ChannelTokenHash).HasMaxLength(64);
        sync.Property(s => s.LeaseHolder).IsConcurrencyToken();
        sync.HasIndex(s => s.NextSyncAt);
        sync.HasIndex(s => s.ChannelId).IsUnique();
    }
}
