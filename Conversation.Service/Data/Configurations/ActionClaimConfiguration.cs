using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentCalls.Conversation.Service.Data.Configurations;

internal sealed class ActionClaimConfiguration : IEntityTypeConfiguration<ActionClaim>
{
    public void Configure(EntityTypeBuilder<ActionClaim> claim)
    {
        claim.ToTable("action_claims");
        claim.HasKey(c => c.ProposalId);
        claim.Property(c => c.RequestId).HasMaxLength(100);
        claim.HasOne<CallRecord>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
