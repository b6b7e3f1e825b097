using AgentCalls.Conversation.Service.CallLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class CallLogConfiguration : IEntityTypeConfiguration<CallLog>
{
    public void Configure(EntityTypeBuilder<CallLog> callLog)
    {
        callLog.ToTable("call_logs");
        callLog.Property(c => c.Outcome).HasMaxLength(100);
        callLog.HasIndex(c => new { c.AgentId, c.StartedAt, c.Id });
        callLog.HasIndex(c => new { c.AgentId, c.ClientId, c.StartedAt });
    }
}
