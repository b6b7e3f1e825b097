using AgentCalls.Conversation.Service.Assist.Playbooks;
using AgentCalls.Conversation.Service.CallLogs;
using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Documents;
using AgentCalls.Eventing;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Conversation.Service.Data;

/// <summary>conversationdb: call sessions and the logs they leave, the agency documents answers cite, and the agents' playbooks. Every row carries the owning agent's id.</summary>
public sealed class ConversationDbContext(DbContextOptions<ConversationDbContext> options) : DbContext(options)
{
    public DbSet<CallRecord> Calls => Set<CallRecord>();
    public DbSet<CallTranscriptLine> CallTranscriptLines => Set<CallTranscriptLine>();
    public DbSet<Actions.ActionClaim> ActionClaims => Set<Actions.ActionClaim>();
    public DbSet<CallLog> CallLogs => Set<CallLog>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Passage> Passages => Set<Passage>();
    public DbSet<PlaybookCard> PlaybookCards => Set<PlaybookCard>();

    /// <summary>Provider options shared by the running service and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            // One GIN index over (agent_id, search_vector), so a word's matches are looked up within the agent's passages.
            .HasPostgresExtension("btree_gin")
            .ApplyConfigurationsFromAssembly(typeof(ConversationDbContext).Assembly).AddEventingTables();
}
