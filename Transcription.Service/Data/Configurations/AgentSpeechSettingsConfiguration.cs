using AgentCalls.Transcription.Service.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Transcription.Service.Data.Configurations;

internal sealed class AgentSpeechSettingsConfiguration : IEntityTypeConfiguration<AgentSpeechSettings>
{
    public void Configure(EntityTypeBuilder<AgentSpeechSettings> settings)
    {
        settings.ToTable("agent_speech_settings");
        settings.HasKey(s => s.AgentId);
        settings.Property(s => s.Engine).HasMaxLength(SpeechSettingsEditor.MaxEngineLength);
    }
}
