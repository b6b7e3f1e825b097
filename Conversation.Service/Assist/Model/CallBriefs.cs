using AgentCalls.Conversation.Service.Calls;
using AgentCalls.Conversation.Service.Data;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>Writes a call's <see cref="CallBrief"/>, reading the client's last logged call from conversationdb.</summary>
public sealed class CallBriefs(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<string> WriteAsync(CallSession call, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        var lastCall = await LastCall.FindAsync(db, call.AgentId, call.Client.Id, cancellationToken);
        return CallBrief.Of(call, lastCall, time.GetUtcNow(), take);
    }
}
