using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgentCalls.Conversation.Service.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConversationDbContext>
{
    public ConversationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ConversationDbContext>().UseNpgsql("Host=localhost;Database=conversationdb");
        ConversationDbContext.Configure(options);
        return new ConversationDbContext(options.Options);
    }
}
